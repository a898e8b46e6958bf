#include "graph_view.h"

#include "plot_export.h"

#include "experiment/project.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>

// Graphviz last: its headers define macros (MIN, MAX, ...) that must not reach Qt's.
#include <gvc.h>

namespace gradlab::widgets {
namespace {

using experiment::GraphRoot;

// torchviz's colours: parameters lightblue, operations lightgrey, the root darkolivegreen1.
QColor fillColor(GraphNode::Kind kind)
{
    switch (kind) {
    case GraphNode::Kind::Parameter: return QColor(173, 216, 230);
    case GraphNode::Kind::Root: return QColor(202, 255, 112);
    case GraphNode::Kind::Operation: break;
    }
    return QColor(211, 211, 211);
}

constexpr double kPointsPerInch = 72.0;
constexpr double kMaxFitScale = 2.0; // a small graph is not blown up to fill a large view
// The drawing is in points; shown at 96 dpi, a point is 96 / 72 pixels. A PNG has kPngScale (the
// plots' PNGs' scale) times that: its text is as large and sharp as theirs.
constexpr double kPngPixelsPerPoint = kPngScale * 96.0 / kPointsPerInch;
constexpr int kMaxPngSide = 8000;
// Room around a node's text inside its box, in points: Graphviz's default margin (0.11 × 0.055 in).
constexpr double kTextMarginX = 8.0, kTextMarginY = 4.0;

// The font the nodes' text is drawn with; its size is the DOT's fontsize, in points = scene units.
QFont labelFont()
{
    QFont font(QStringLiteral("monospace"));
    font.setStyleHint(QFont::Monospace);
    font.setPixelSize(10);
    return font;
}

// One Graphviz context for the program's life, never freed. Graphviz's pango plugin remembers
// the last font name it measured by a pointer into the context's font table, which dangles once
// that context is freed: the next layout read freed memory (AddressSanitizer showed it).
GVC_t* graphvizContext()
{
    static GVC_t* const context = gvContext();
    return context;
}

// One Graphviz layout with dot: graph and layout, freed together.
class GvLayout {
public:
    // `prepare` may set attributes on the graph read from `dot` before it is laid out.
    explicit GvLayout(const std::string& dot, const std::function<void(Agraph_t*)>& prepare = {})
    {
        agseterr(AGERR); // Graphviz's warnings stay out of the terminal
        gvc_ = graphvizContext();
        if (!gvc_)
            return;
        graph_ = agmemread(dot.c_str());
        if (graph_ && prepare)
            prepare(graph_);
        if (graph_ && gvLayout(gvc_, graph_, "dot") == 0)
            laidOut_ = true;
    }
    ~GvLayout()
    {
        if (graph_) {
            if (laidOut_)
                gvFreeLayout(gvc_, graph_);
            agclose(graph_);
        }
    }
    GvLayout(const GvLayout&) = delete;
    GvLayout& operator=(const GvLayout&) = delete;

    Agraph_t* graph() const { return laidOut_ ? graph_ : nullptr; }
    GVC_t* context() const { return gvc_; }

private:
    GVC_t* gvc_ = nullptr;
    Agraph_t* graph_ = nullptr;
    bool laidOut_ = false;
};

// A filled arrowhead from `from` to the tip `to`, as Graphviz's "normal" arrow.
QPolygonF arrowHead(QPointF from, QPointF to)
{
    const QPointF d = to - from;
    const double len = std::hypot(d.x(), d.y());
    if (len <= 0.0)
        return {};
    const QPointF n(-d.y() / len, d.x() / len);
    const double half = len * 0.35;
    return QPolygonF({to, from + n * half, from - n * half});
}

// Wheel zoom around the mouse and drag panning.
class ZoomingView final : public QGraphicsView {
public:
    explicit ZoomingView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent)
    {
        setDragMode(QGraphicsView::ScrollHandDrag);
        setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
        setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        setBackgroundBrush(Qt::white);
    }

protected:
    void wheelEvent(QWheelEvent* event) override
    {
        const double factor = std::pow(1.0015, event->angleDelta().y());
        scale(factor, factor);
        event->accept();
    }
};

QString number(double v, int digits) { return QString::number(v, 'g', digits); }

} // namespace

GraphView::GraphView(QWidget* parent)
    : QWidget(parent), rootCombo_(new QComboBox(this)), valuesCheck_(new QCheckBox(tr("Show values"), this)),
      caption_(new QLabel(this)), stack_(new QStackedWidget(this)), messageLabel_(new QLabel(this)),
      scene_(new QGraphicsScene(this)),
      view_(new ZoomingView(scene_, this)), info_(new QPlainTextEdit(this))
{
    rootCombo_->addItem(tr("ŷ (prediction)"), static_cast<int>(GraphRoot::Yhat));
    rootCombo_->addItem(tr("error (y − ŷ)"), static_cast<int>(GraphRoot::Error));
    rootCombo_->addItem(tr("loss (the configured loss function)"), static_cast<int>(GraphRoot::Loss));
    rootCombo_->addItem(tr("loss, written out: (error²).mean()"), static_cast<int>(GraphRoot::LossWrittenOut));
    rootCombo_->setCurrentIndex(rootCombo_->findData(static_cast<int>(root_)));
    rootCombo_->setToolTip(tr("The tensor whose graph is drawn, as make_dot(yhat), make_dot(error) or make_dot(loss). "
                              "The configured loss is one node (nn.MSELoss: MseLossBackward0); written out as in the "
                              "tutorial's section 2.4, loss = (error ** 2).mean() adds the error's subtraction, the "
                              "square and the mean (for the mean squared error only)."));
    valuesCheck_->setToolTip(tr("Write each node's value and gradient into its box"));

    // The view's buttons on a toolbar: in a narrow tab (a small window) those that do not fit go
    // into its extension menu instead of setting the least width of the tab and the window.
    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->setMovable(false);
    auto action = [tools](const QString& text, const QString& tip) {
        QAction* a = tools->addAction(text);
        a->setToolTip(tip);
        return a;
    };
    QAction* fit = action(tr("Fit to view"), tr("Show the whole graph"));
    QAction* in = action(tr("Zoom in"), tr("Zoom in (or turn the mouse wheel)"));
    QAction* out = action(tr("Zoom out"), tr("Zoom out (or turn the mouse wheel)"));
    QAction* exportAction = action(tr("Export…"), tr("Save the graph as Graphviz DOT, SVG or PNG"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Graph of"), this));
    bar->addWidget(rootCombo_);
    bar->addWidget(valuesCheck_);
    bar->addStretch(1);
    bar->addWidget(tools);
    // The choice of tensor shortens to a few words when the room is short.
    rootCombo_->setMinimumWidth(std::min(rootCombo_->sizeHint().width(), rootCombo_->fontMetrics().averageCharWidth() * 10 + 40));

    info_->setReadOnly(true);
    info_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    info_->setPlaceholderText(tr("Click a node to see its shape, value and gradient."));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(view_);
    splitter->addWidget(info_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1000}); // the graph gets most of the room
    info_->setMinimumWidth(160);

    messageLabel_->setAlignment(Qt::AlignCenter);
    messageLabel_->setWordWrap(true);
    stack_->addWidget(messageLabel_);
    stack_->addWidget(splitter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    caption_->setWordWrap(true);
    layout->addWidget(caption_);
    layout->addWidget(stack_, 1);

    connect(rootCombo_, &QComboBox::currentIndexChanged, this,
            [this](int) { setRoot(static_cast<GraphRoot>(rootCombo_->currentData().toInt())); });
    connect(valuesCheck_, &QCheckBox::toggled, this, [this] { redraw(); });
    connect(fit, &QAction::triggered, this, &GraphView::fitToView);
    connect(in, &QAction::triggered, this, &GraphView::zoomIn);
    connect(out, &QAction::triggered, this, &GraphView::zoomOut);
    connect(exportAction, &QAction::triggered, this, &GraphView::exportInteractively);
    connect(scene_, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);

    clear(tr("No experiment yet."));
}

GraphView::~GraphView()
{
    // The scene, a child, goes with ~QWidget, after this object's own part is gone: removing a
    // selected node then emits selectionChanged, which must not reach onSceneSelectionChanged.
    disconnect(scene_, nullptr, this, nullptr);
}

void GraphView::setExperiment(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data,
                              const std::vector<double>& params, const GraphPoint& at)
{
    config_ = config;
    data_ = data;
    params_ = params;
    at_ = at;
    recompute();
}

void GraphView::clear(const QString& reason)
{
    config_.reset();
    data_.reset();
    params_.clear();
    showMessage(reason);
}

void GraphView::showMessage(const QString& text)
{
    graph_.reset();
    {
        const QSignalBlocker block(scene_);
        items_.clear();
        scene_->clear();
    }
    selected_.clear();
    structure_.clear();
    info_->clear();
    message_ = text;
    caption_->clear();
    caption_->hide();
    messageLabel_->setText(text);
    stack_->setCurrentWidget(messageLabel_);
}

void GraphView::setRoot(GraphRoot root)
{
    {
        const QSignalBlocker block(rootCombo_);
        rootCombo_->setCurrentIndex(rootCombo_->findData(static_cast<int>(root)));
    }
    if (root == root_)
        return;
    root_ = root;
    if (config_)
        recompute();
}

bool GraphView::showValues() const { return valuesCheck_->isChecked(); }

void GraphView::setShowValues(bool on) { valuesCheck_->setChecked(on); }

void GraphView::recompute()
{
    if (!config_ || !data_)
        return;
    QString error;
    auto graph = experiment::inspectGraph(*config_, *data_, params_, root_, &error);
    if (!graph) {
        showMessage(error); // the experiment stays: another root may still have a graph
        return;
    }
    graph_ = std::move(*graph);
    message_.clear();
    caption_->setText(captionText());
    caption_->show();
    redraw();
}

// Which parameters the values are computed at, and what a non-scalar root's gradients are: after a
// Step the graph is a fresh pass at the updated parameters, which is not the step the step
// inspector shows.
QString GraphView::captionText() const
{
    QString text = at_.final && at_.withinEpoch
        ? tr("Values at the run's final parameters, from within epoch %1, where it was stopped: a fresh forward and backward "
             "pass over every training row.")
              .arg(at_.epochs + 1)
        : at_.final && at_.epochs > 0
        ? tr("Values at the run's final parameters, after epoch %1's update: a fresh forward and backward pass over every "
             "training row.")
              .arg(at_.epochs)
        : at_.batch > 0
        ? tr("Values at the current parameters, after the update of batch %2 of %3 in epoch %1: a fresh forward and "
             "backward pass over every training row, not over the next batch. The step inspector shows batch %2 itself, "
             "at the parameters before its update.")
              .arg(at_.epochs + 1)
              .arg(at_.batch)
              .arg(at_.batches)
        : at_.epochs <= 0
        ? tr("Values at the initial parameters, before any training: where epoch 1 starts.")
        : tr("Values at the current parameters, after epoch %1's update: a fresh forward and backward pass, "
             "where epoch %2 starts. The step inspector shows epoch %1 itself, at the parameters before its update.")
              .arg(at_.epochs)
              .arg(at_.epochs + 1);
    const std::int64_t n = graph_ && !graph_->shapes.empty() ? graph_->shapes.front().numel() : 1;
    if (n != 1)
        text.append(QLatin1Char(' '))
            .append(tr("Gradients: the root has %1 values, not one, so backward was seeded with ones; they are the "
                       "gradients of the sum of its values, not of the loss.")
                        .arg(n));
    return text;
}

QString GraphView::displayedLabel(std::size_t node) const
{
    QString label = QString::fromStdString(graph_->graph.nodes[node].label);
    if (!valuesCheck_->isChecked())
        return label;
    auto brief = [](const std::vector<double>& v) -> QString {
        if (v.empty())
            return QStringLiteral("—");
        if (v.size() == 1)
            return number(v.front(), 4);
        if (v.size() <= 3) {
            QStringList parts;
            for (double x : v)
                parts << number(x, 3);
            return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
        }
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        return tr("mean %1 [%2, %3]").arg(number(mean, 3), number(*lo, 3), number(*hi, 3));
    };
    label.append(QLatin1Char('\n')).append(tr("value: %1").arg(brief(graph_->values[node])));
    label.append(QLatin1Char('\n')).append(tr("grad: %1").arg(brief(graph_->grads[node])));
    return label;
}

std::string GraphView::displayedDot() const
{
    Graph g = graph_->graph;
    for (std::size_t i = 0; i < g.nodes.size(); ++i)
        g.nodes[i].label = displayedLabel(i).toStdString();
    return toDot(g);
}

void GraphView::redraw()
{
    if (!graph_)
        return;
    const QSignalBlocker block(scene_);
    items_.clear();
    scene_->clear();

    // The text is drawn with Qt's fonts (with a fallback for Chinese), which Graphviz does not know:
    // each box is made at least as large as its text as Qt lays it out, so no text is clipped.
    const QFont font = labelFont();
    std::map<std::string, std::unique_ptr<QGraphicsSimpleTextItem>> texts;
    for (std::size_t i = 0; i < graph_->graph.nodes.size(); ++i) {
        auto text = std::make_unique<QGraphicsSimpleTextItem>(displayedLabel(i));
        text->setFont(font);
        texts[graph_->graph.nodes[i].id] = std::move(text);
    }
    const GvLayout layout(displayedDot(), [&texts](Agraph_t* graph) {
        for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
            const auto it = texts.find(agnameof(n));
            if (it == texts.end())
                continue;
            const QRectF r = it->second->boundingRect();
            // Minimum sizes in inches (Graphviz still grows a box whose label it measures larger).
            QByteArray width = QByteArray::number((r.width() + 2 * kTextMarginX) / kPointsPerInch, 'f', 4);
            QByteArray height = QByteArray::number((r.height() + 2 * kTextMarginY) / kPointsPerInch, 'f', 4);
            QByteArray widthName("width"), heightName("height"), none("");
            agsafeset(n, widthName.data(), width.data(), none.data());
            agsafeset(n, heightName.data(), height.data(), none.data());
        }
    });
    Agraph_t* g = layout.graph();
    if (!g) {
        showMessage(tr("Graphviz could not lay out the graph."));
        return;
    }
    // Graphviz's y axis points up, the scene's down.
    const boxf bb = GD_bb(g);
    auto toScene = [&bb](pointf p) { return QPointF(p.x, bb.UR.y + bb.LL.y - p.y); };

    const QPen edgePen(Qt::black, 1.0);

    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const splines* spl = ED_spl(e);
            if (!spl)
                continue;
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                if (bz.size < 1)
                    continue;
                QPainterPath path(toScene(bz.list[0]));
                for (int i = 1; i + 2 < bz.size; i += 3)
                    path.cubicTo(toScene(bz.list[i]), toScene(bz.list[i + 1]), toScene(bz.list[i + 2]));
                scene_->addPath(path, edgePen)->setZValue(0);
                if (bz.eflag)
                    scene_->addPolygon(arrowHead(toScene(bz.list[bz.size - 1]), toScene(bz.ep)), edgePen, Qt::black)->setZValue(0);
                if (bz.sflag)
                    scene_->addPolygon(arrowHead(toScene(bz.list[0]), toScene(bz.sp)), edgePen, Qt::black)->setZValue(0);
            }
        }
    }

    std::map<QString, std::size_t> index;
    for (std::size_t i = 0; i < graph_->graph.nodes.size(); ++i)
        index[QString::fromStdString(graph_->graph.nodes[i].id)] = i;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const QString id = QString::fromUtf8(agnameof(n));
        const auto it = index.find(id);
        if (it == index.end())
            continue;
        const GraphNode& node = graph_->graph.nodes[it->second];
        const double w = ND_width(n) * kPointsPerInch, h = ND_height(n) * kPointsPerInch;
        const QPointF c = toScene(ND_coord(n));
        auto* box = scene_->addRect(QRectF(c.x() - w / 2, c.y() - h / 2, w, h), QPen(Qt::black, 1.0), fillColor(node.kind));
        box->setZValue(1);
        box->setFlag(QGraphicsItem::ItemIsSelectable);
        box->setData(0, id);
        box->setCursor(Qt::PointingHandCursor);
        box->setToolTip(tr("Click for shape, value and gradient"));
        QGraphicsSimpleTextItem* text = texts[node.id].release();
        text->setParentItem(box);
        const QRectF r = text->boundingRect();
        text->setPos(c.x() - r.width() / 2, c.y() - r.height() / 2);
        items_[id] = box;
    }

    stack_->setCurrentIndex(1);
    scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20));

    // A new picture is fitted; the same graph with new values keeps the user's zoom and position.
    QString structure;
    for (const GraphNode& node : graph_->graph.nodes)
        structure.append(QString::fromStdString(node.label)).append(QLatin1Char('|'));
    structure.append(valuesCheck_->isChecked() ? QLatin1Char('v') : QLatin1Char('-'));
    if (structure != structure_) {
        structure_ = structure;
        fitToView();
        // Again once the layout has settled: a caption of another length changes the view's height.
        QTimer::singleShot(0, this, &GraphView::fitToView);
    }

    if (items_.count(selected_)) {
        items_[selected_]->setSelected(true);
        items_[selected_]->setPen(QPen(Qt::black, 2.5));
        info_->setPlainText(nodeInfo(index[selected_]));
    } else {
        selected_.clear();
        info_->clear();
    }
}

void GraphView::fitToView()
{
    if (items_.empty())
        return;
    // A hidden view has no size to fit into yet: fit when it is shown.
    pendingFit_ = !view_->isVisible() || view_->viewport()->width() < 50;
    if (pendingFit_)
        return;
    view_->fitInView(scene_->itemsBoundingRect().adjusted(-10, -10, 10, 10), Qt::KeepAspectRatio);
    if (view_->transform().m11() > kMaxFitScale) {
        view_->setTransform(QTransform::fromScale(kMaxFitScale, kMaxFitScale));
        view_->centerOn(scene_->itemsBoundingRect().center());
    }
}

void GraphView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (pendingFit_)
        QTimer::singleShot(0, this, &GraphView::fitToView);
}

void GraphView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (pendingFit_)
        QTimer::singleShot(0, this, &GraphView::fitToView);
}

void GraphView::zoomIn() { view_->scale(1.25, 1.25); }

void GraphView::zoomOut() { view_->scale(0.8, 0.8); }

QString GraphView::nodeInfo(std::size_t i) const
{
    const GraphNode& node = graph_->graph.nodes[i];
    auto summary = [](const std::vector<double>& v) -> QString {
        if (v.size() == 1)
            return number(v.front(), 8);
        QStringList parts;
        const std::size_t shown = v.size() <= 8 ? v.size() : 5;
        for (std::size_t k = 0; k < shown; ++k)
            parts << number(v[k], 6);
        if (v.size() <= 8)
            return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        return tr("%1 values [%2, …]; min %3, mean %4, max %5")
            .arg(v.size())
            .arg(parts.join(QStringLiteral(", ")), number(*lo, 6), number(mean, 6), number(*hi, 6));
    };
    const QString name = QString::fromStdString(node.label.substr(0, node.label.find('\n')));
    QString kind;
    switch (node.kind) {
    case GraphNode::Kind::Parameter: kind = tr("parameter %1").arg(name); break;
    case GraphNode::Kind::Operation: kind = tr("operation"); break;
    case GraphNode::Kind::Root: kind = tr("root (the tensor the graph is drawn for)"); break;
    }
    QStringList lines;
    lines << tr("Kind: %1").arg(kind);
    lines << tr("Operation: %1").arg(QString::fromStdString(node.op));
    lines << tr("Shape: %1").arg(QString::fromStdString(graph_->shapes[i].str()));
    lines << tr("Value: %1").arg(graph_->values[i].empty() ? tr("not recorded") : summary(graph_->values[i]));
    lines << tr("Gradient: %1").arg(graph_->grads[i].empty() ? tr("none reached this node") : summary(graph_->grads[i]));
    if (!graph_->graph.nodes.empty() && graph_->shapes.front().numel() != 1)
        lines << tr("(Gradients of the sum of the root's values: backward was seeded with ones.)");
    return lines.join(QLatin1Char('\n'));
}

QString GraphView::selectNode(const QString& nodeId)
{
    const auto it = items_.find(nodeId);
    if (!graph_ || it == items_.end())
        return {};
    std::size_t index = 0;
    while (index < graph_->graph.nodes.size() && QString::fromStdString(graph_->graph.nodes[index].id) != nodeId)
        ++index;
    {
        const QSignalBlocker block(scene_);
        for (auto& [id, box] : items_) {
            box->setSelected(id == nodeId);
            box->setPen(QPen(Qt::black, id == nodeId ? 2.5 : 1.0));
        }
    }
    selected_ = nodeId;
    const QString info = nodeInfo(index);
    info_->setPlainText(info);
    emit nodeSelected(info);
    return info;
}

void GraphView::onSceneSelectionChanged()
{
    const auto selected = scene_->selectedItems();
    if (selected.isEmpty())
        return;
    selectNode(selected.front()->data(0).toString());
}

int GraphView::nodeCount() const { return graph_ ? static_cast<int>(graph_->graph.nodes.size()) : 0; }

QStringList GraphView::nodeLabels() const
{
    QStringList out;
    if (graph_)
        for (std::size_t i = 0; i < graph_->graph.nodes.size(); ++i)
            out << displayedLabel(i);
    return out;
}

QStringList GraphView::nodeIds() const
{
    QStringList out;
    if (graph_)
        for (const GraphNode& n : graph_->graph.nodes)
            out << QString::fromStdString(n.id);
    return out;
}

QRectF GraphView::nodeRect(const QString& nodeId) const
{
    const auto it = items_.find(nodeId);
    return it == items_.end() ? QRectF() : it->second->rect();
}

QRectF GraphView::nodeTextRect(const QString& nodeId) const
{
    const auto it = items_.find(nodeId);
    if (it == items_.end() || it->second->childItems().isEmpty())
        return {};
    const QGraphicsItem* text = it->second->childItems().front();
    return text->mapRectToParent(text->boundingRect());
}

QString GraphView::caption() const { return caption_->isHidden() ? QString() : caption_->text(); }

QString GraphView::message() const { return message_; }

bool GraphView::exportTo(const QString& path, QString* error) const
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("dot") && suffix != QLatin1String("svg") && suffix != QLatin1String("png"))
        return fail(tr("Cannot export the graph as \"%1\": choose a file ending in .dot, .svg or .png.")
                        .arg(QFileInfo(path).fileName()));
    if (!graph_)
        return fail(tr("There is no graph to export."));

    QByteArray bytes;
    if (suffix == QLatin1String("dot")) {
        bytes = QByteArray::fromStdString(displayedDot());
    } else if (suffix == QLatin1String("svg")) {
        const GvLayout layout(displayedDot());
        char* data = nullptr;
        unsigned int length = 0;
        if (!layout.graph() || gvRenderData(layout.context(), layout.graph(), "svg", &data, &length) != 0 || !data)
            return fail(tr("Graphviz could not render the graph as SVG."));
        bytes = QByteArray(data, static_cast<qsizetype>(length));
        gvFreeRenderData(data);
    } else {
        const QRectF rect = scene_->itemsBoundingRect().adjusted(-10, -10, 10, 10);
        const double scale = std::min<double>(kPngPixelsPerPoint, kMaxPngSide / std::max(rect.width(), rect.height()));
        QImage image((rect.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            scene_->render(&painter, QRectF(image.rect()), rect);
        }
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return fail(tr("Could not encode the graph as PNG."));
    }
    return experiment::writeFileAtomically(path, bytes, error);
}

void GraphView::exportInteractively()
{
    if (!graph_) {
        QMessageBox::information(this, tr("Export graph"), message_.isEmpty() ? tr("There is no graph to export.") : message_);
        return;
    }
    const QString dotFilter = tr("Graphviz DOT (*.dot)");
    const QString svgFilter = tr("SVG image (*.svg)");
    const QString pngFilter = tr("PNG image (*.png)");
    const QString suffix = QFileInfo(defaultExportPath_).suffix().toLower();
    QString filter = suffix == QLatin1String("svg") ? svgFilter : suffix == QLatin1String("png") ? pngFilter : dotFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export graph"), defaultExportPath_,
                                                QStringList{dotFilter, svgFilter, pngFilter}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svgFilter ? QStringLiteral(".svg") : filter == pngFilter ? QStringLiteral(".png") : QStringLiteral(".dot");
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export graph"), error);
}

} // namespace gradlab::widgets
