// The computation graph: torchviz's make_dot picture of ŷ, the error or the loss for the current
// model, laid out by Graphviz's dot and drawn in a zoomable, pannable view. Parameters are light
// blue, operations grey, the root green. Clicking a node shows its shape, value and gradient;
// "Show values" writes them into every node. Exports DOT, SVG and PNG.
#pragma once

#include "experiment/experiment_config.h"
#include "experiment/experiment_data.h"
#include "experiment/graph_inspection.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QGraphicsRectItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;

namespace gradlab::widgets {

// Which parameters a graph's values are computed at, for its caption.
struct GraphPoint {
    GraphPoint(qint64 epochsDone = 0) : epochs(epochsDone) {} // NOLINT: a number of epochs reads as one
    qint64 epochs = 0;  // epochs of training behind the parameters (0 with batch 0: the initial values)
    qint64 batch = 0;   // batches of the next epoch behind them too (Step Batch), of `batches`
    qint64 batches = 1;
    bool final = false;       // a run's final parameters: the run is over
    bool withinEpoch = false; // final, and the run was stopped within epoch `epochs` + 1
};

class GraphView : public QWidget {
    Q_OBJECT

public:
    explicit GraphView(QWidget* parent = nullptr);
    ~GraphView() override;

    // Recomputes the graph of the current root for `config` on `data`'s training rows with
    // `params` (flat, in namedParameters() order; empty: the model's initial values) and redraws.
    // `at`: the training that led to `params`, for the caption that says where the values are
    // computed.
    void setExperiment(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data,
                       const std::vector<double>& params, const GraphPoint& at);
    // No graph; `reason` says why.
    void clear(const QString& reason);

    experiment::GraphRoot root() const { return root_; }
    void setRoot(experiment::GraphRoot root);
    bool showValues() const;
    void setShowValues(bool on);

    // Writes the graph as shown, by the path's extension: .dot (Graphviz source), .svg
    // (rendered by Graphviz) or .png (the view's drawing). Atomic; false and `error` otherwise.
    bool exportTo(const QString& path, QString* error) const;
    // What the Export button's dialog proposes: a folder and a file name ("…/graph.svg"), its
    // extension choosing the format offered first. Empty: the dialog's own choice.
    void setDefaultExportPath(const QString& path) { defaultExportPath_ = path; }
    const QString& defaultExportPath() const { return defaultExportPath_; }

    // For tests and the window.
    int nodeCount() const;
    QStringList nodeLabels() const; // as drawn, in the graph's node order
    QStringList nodeIds() const;
    // The node's box in scene coordinates (laid out by Graphviz); null when there is no such node.
    QRectF nodeRect(const QString& nodeId) const;
    // The node's text as drawn, in the same coordinates; null when there is no such node.
    QRectF nodeTextRect(const QString& nodeId) const;
    // The line above the graph: where its values are computed; empty when no graph is shown.
    QString caption() const;
    // Selects the node, shows its details in the info panel and returns them; empty for an
    // unknown id.
    QString selectNode(const QString& nodeId);
    QString message() const; // the reason shown instead of a graph, or empty

public slots:
    void fitToView();
    void zoomIn();
    void zoomOut();

signals:
    void nodeSelected(const QString& info);

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void recompute();
    void redraw();
    void showMessage(const QString& text); // instead of a graph; keeps the experiment
    void exportInteractively();
    void onSceneSelectionChanged();
    QString displayedLabel(std::size_t node) const;
    QString captionText() const;
    QString nodeInfo(std::size_t node) const;
    std::string displayedDot() const;

    experiment::GraphRoot root_ = experiment::GraphRoot::Loss;
    std::optional<experiment::ExperimentConfig> config_;
    std::optional<experiment::ExperimentData> data_;
    std::vector<double> params_;
    GraphPoint at_;
    std::optional<experiment::InspectedGraph> graph_;
    std::map<QString, QGraphicsRectItem*> items_; // node id -> its box
    QString selected_;
    QString defaultExportPath_;
    QString message_;
    QString structure_; // what was last fitted to the view
    bool pendingFit_ = false;

    QComboBox* rootCombo_;
    QCheckBox* valuesCheck_;
    QLabel* caption_;
    QStackedWidget* stack_;
    QLabel* messageLabel_;
    QGraphicsScene* scene_;
    QGraphicsView* view_;
    QPlainTextEdit* info_;
};

} // namespace gradlab::widgets
