// The results of training: each parameter's trained value beside the closed-form (least-squares)
// value, the final losses, R², epochs and time of one run; two runs side by side; or, during a
// run, the live values, which can be edited by hand while the run is paused.
#pragma once

#include "engine/types.h"
#include "experiment/project.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <initializer_list>
#include <vector>

class QLabel;
class QTableView;
class QTableWidget;

namespace gradlab::widgets {

class ParameterTableModel;

class ResultsView : public QWidget {
    Q_OBJECT

public:
    explicit ResultsView(QWidget* parent = nullptr);

    // One run: value, closed form and difference (value − closed form) per parameter, then the
    // summary (losses, R², epochs, time), the reason a run stopped early and its paused edits.
    void showRun(const experiment::RunRecord& run, const QString& title);
    // Two runs: run A, run B and their difference (A − B) per parameter, then both summaries.
    void compareRuns(const experiment::RunRecord& a, const experiment::RunRecord& b, const QString& titleA,
                     const QString& titleB);
    // During a run: the live values; `editable` while paused (double-click a value to edit it;
    // a valid edit emits parameterEdited). `batch` of `batches`: paused within epoch + 1 (Step Batch).
    void showLive(const QStringList& flatNames, const std::vector<double>& values, qint64 epoch, double trainLoss,
                  double valLoss, bool editable, qint64 batch = 0, qint64 batches = 1);
    void clear(const QString& hint);
    // The element type of the run shown live (default float32): an edited value it cannot hold as a
    // finite number (1e39 in float32) is refused.
    void setDType(gradlab::DType dtype);

    // For tests: the text of a cell of the parameter table by parameter name and column (0 value,
    // 1 closed form, 2 difference; when comparing: run A, run B, difference). Empty if none.
    QString cellText(const QString& parameter, int column) const;
    // The value shown in column 0 for `parameter` at full precision (NaN if there is none).
    double value(const QString& parameter) const;

signals:
    void parameterEdited(int flatIndex, double value);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Mode { Empty, Run, Compare, Live };

    void setSummary(const QStringList& rows, const QStringList& headers);
    // Columns as wide as their longest possible number and as their header, so that no number is
    // cut; the summary's few rows are measured.
    void fitColumns();
    void setSummaryCell(int row, int column, const QString& text, double value);
    // What a summary row's numbers are, on its header and on the cells of `columns` (filled).
    void setRowToolTip(int row, const QString& tip, std::initializer_list<int> columns);
    // The tooltips of the train and validation loss rows of a recorded run, and of a live one.
    void explainFinalLosses(int trainRow, int valRow, std::initializer_list<int> columns);
    void setEditable(bool editable);
    void onValueEdited(int row, double value);
    void onEditRefused(int row, const QString& text, bool overflows);

    QLabel* title_;
    // The parameters are a model/view table: a big MLP's rows are formatted only when on screen.
    ParameterTableModel* model_;
    QTableView* parameters_;
    QTableWidget* summary_;
    QLabel* notes_;
    Mode mode_ = Mode::Empty;
};

} // namespace gradlab::widgets
