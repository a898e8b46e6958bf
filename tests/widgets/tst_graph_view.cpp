// The computation graph view: make_dot's nodes laid out by Graphviz, node details against the
// tutorial's NumPy gradient formulas, frozen parameters, a multi-layer MLP, and the exports.
#include "widgets/graph_view.h"

#include "tutorial_fixture.h"

#include <QApplication>
#include <QFile>
#include <QGraphicsView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <cmath>

using namespace gradlab;
using namespace gradlab::experiment;
using namespace gradlab::testing;
using gradlab::widgets::GraphView;

namespace {

QString idOfLabel(const GraphView& view, const QString& label)
{
    const QStringList labels = view.nodeLabels();
    const QStringList ids = view.nodeIds();
    for (int i = 0; i < labels.size(); ++i)
        if (labels[i] == label || labels[i].startsWith(label + QLatin1Char('\n')))
            return ids[i];
    return {};
}

// The number after "Gradient: " in a node's info text (NaN when there is none).
double gradientIn(const QString& info)
{
    for (const QString& line : info.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Gradient: "))) {
            bool ok = false;
            const double v = line.mid(10).toDouble(&ok);
            return ok ? v : std::nan("");
        }
    return std::nan("");
}

// a_grad = -2 * error.mean(), b_grad = -2 * (x * error).mean() at the tutorial's initial a, b.
std::pair<double, double> numpyGradients(const ExperimentData& d)
{
    const QJsonObject init = expected().value(QStringLiteral("torch_init_seed42")).toObject();
    const double a = init.value(QStringLiteral("a")).toDouble(), b = init.value(QStringLiteral("b")).toDouble();
    double ga = 0.0, gb = 0.0;
    for (std::size_t i = 0; i < d.train.y.size(); ++i) {
        const double error = d.train.y[i] - (a + b * d.train.x[i]);
        ga += error;
        gb += d.train.x[i] * error;
    }
    const auto n = static_cast<double>(d.train.y.size());
    return {-2.0 * ga / n, -2.0 * gb / n};
}

// Which two nodes' boxes overlap, or empty.
QString overlap(const GraphView& view)
{
    const QStringList ids = view.nodeIds();
    for (int i = 0; i < ids.size(); ++i)
        for (int j = i + 1; j < ids.size(); ++j)
            if (view.nodeRect(ids[i]).intersects(view.nodeRect(ids[j])))
                return ids[i] + QLatin1Char(' ') + ids[j];
    return {};
}

bool closeRel(double actual, double expected, double tol)
{
    return std::abs(actual - expected) <= tol * std::max(1.0, std::abs(expected));
}

} // namespace

class TestGraphView : public QObject {
    Q_OBJECT

private slots:
    void tutorialLossGraph();
    void layoutComesFromGraphviz();
    void selectingAParameterShowsItsGradient();
    void clickingANodeSelectsIt();
    void rootChoice();
    void showValuesWritesEveryNode();
    void textFitsItsBox_data();
    void textFitsItsBox();
    void writtenOutLossIsOfferedForTheMse();
    void captionSaysWhereTheValuesAre();
    void freezingBRemovesItsNode();
    void mlpRendersWithoutOverlaps();
    void exports();
    void unknownExportTypeIsAnError();
    void clearShowsTheReason();
};

void TestGraphView::tutorialLossGraph()
{
    GraphView view;
    QCOMPARE(view.root(), GraphRoot::Loss);
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    QCOMPARE(view.nodeCount(), 5);
    QStringList labels = view.nodeLabels();
    labels.sort();
    QCOMPARE(labels, (QStringList{QStringLiteral("AddBackward0"), QStringLiteral("MseLossBackward0"),
                                  QStringLiteral("MulBackward0"), QStringLiteral("a\n(1)"), QStringLiteral("b\n(1)")}));
    QVERIFY(view.message().isEmpty());
}

void TestGraphView::layoutComesFromGraphviz()
{
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    QCOMPARE(overlap(view), QString());
    const QRectF root = view.nodeRect(idOfLabel(view, QStringLiteral("MseLossBackward0")));
    const QRectF add = view.nodeRect(idOfLabel(view, QStringLiteral("AddBackward0")));
    const QRectF mul = view.nodeRect(idOfLabel(view, QStringLiteral("MulBackward0")));
    const QRectF a = view.nodeRect(idOfLabel(view, QStringLiteral("a")));
    const QRectF b = view.nodeRect(idOfLabel(view, QStringLiteral("b")));
    for (const QRectF& r : {root, add, mul, a, b}) {
        QVERIFY(!r.isNull());
        QVERIFY(r.height() >= 0.2 * 72 - 1e-9); // make_dot's height=0.2 (inches) at least
    }
    // dot ranks top to bottom along the edges: parameters, then the ops, the root at the bottom.
    QVERIFY(b.center().y() < mul.center().y());
    QVERIFY(mul.center().y() < add.center().y());
    QVERIFY(a.center().y() < add.center().y());
    QVERIFY(add.center().y() < root.center().y());
}

void TestGraphView::selectingAParameterShowsItsGradient()
{
    const ExperimentData d = tutorialData();
    const auto [ga, gb] = numpyGradients(d);
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), d, {}, 0);
    QSignalSpy spy(&view, &GraphView::nodeSelected);
    const QString info = view.selectNode(idOfLabel(view, QStringLiteral("b")));
    QVERIFY2(closeRel(gradientIn(info), gb, 1e-5), qPrintable(info));
    QVERIFY(info.contains(QStringLiteral("AccumulateGrad")));
    QVERIFY(info.contains(QStringLiteral("Shape: (1)")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.front().front().toString(), info);
    const QString infoA = view.selectNode(idOfLabel(view, QStringLiteral("a")));
    QVERIFY2(closeRel(gradientIn(infoA), ga, 1e-5), qPrintable(infoA));
    // A tensor of 80 values is summarised.
    const QString infoAdd = view.selectNode(idOfLabel(view, QStringLiteral("AddBackward0")));
    QVERIFY(infoAdd.contains(QStringLiteral("Shape: (80, 1)")));
    QVERIFY(infoAdd.contains(QStringLiteral("min")) && infoAdd.contains(QStringLiteral("max")));
    QCOMPARE(view.selectNode(QStringLiteral("no such node")), QString());
}

void TestGraphView::clickingANodeSelectsIt()
{
    GraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    auto* gv = view.findChild<QGraphicsView*>();
    QVERIFY(gv);
    QSignalSpy spy(&view, &GraphView::nodeSelected);
    const QRectF b = view.nodeRect(idOfLabel(view, QStringLiteral("b")));
    QTest::mouseClick(gv->viewport(), Qt::LeftButton, {}, gv->mapFromScene(b.center()));
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.front().front().toString().contains(QStringLiteral("parameter b")));
}

void TestGraphView::rootChoice()
{
    GraphView view;
    view.setRoot(GraphRoot::Yhat);
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    QCOMPARE(view.nodeCount(), 4);
    QCOMPARE(view.nodeLabels().front(), QStringLiteral("AddBackward0"));
    view.setRoot(GraphRoot::Error);
    QCOMPARE(view.nodeCount(), 5);
    QCOMPARE(view.nodeLabels().front(), QStringLiteral("SubBackward0"));
    QCOMPARE(view.root(), GraphRoot::Error);
}

void TestGraphView::showValuesWritesEveryNode()
{
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {1.5, -0.5}, 3);
    view.setShowValues(true);
    const QStringList labels = view.nodeLabels();
    QCOMPARE(labels.size(), 5);
    for (const QString& l : labels) {
        QVERIFY2(l.contains(QStringLiteral("value: ")), qPrintable(l));
        QVERIFY2(l.contains(QStringLiteral("grad: ")), qPrintable(l));
    }
    const QString a = labels[view.nodeIds().indexOf(idOfLabel(view, QStringLiteral("a")))];
    QVERIFY2(a.startsWith(QStringLiteral("a\n(1)\nvalue: 1.5\ngrad: ")), qPrintable(a));
    QVERIFY(labels[view.nodeIds().indexOf(idOfLabel(view, QStringLiteral("b")))].contains(QStringLiteral("value: -0.5")));
    QCOMPARE(overlap(view), QString());
    view.setShowValues(false);
    QVERIFY(view.nodeLabels().contains(QStringLiteral("a\n(1)")));
}

void TestGraphView::textFitsItsBox_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::newRow("English") << false;
    QTest::newRow("Chinese") << true;
}

// With "Show values" every node has three or four lines; in Chinese they are drawn with a CJK
// fallback font, taller and wider than the monospace font Graphviz measures with.
void TestGraphView::textFitsItsBox()
{
    QFETCH(bool, chinese);
    QTranslator translator;
    if (chinese) {
        // The Chinese the application ships, compiled from translations/gradlab_zh_CN.ts.
        QVERIFY2(translator.load(QStringLiteral(GRADLAB_QM_FILE)), GRADLAB_QM_FILE);
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    for (GraphRoot root : {GraphRoot::Loss, GraphRoot::LossWrittenOut, GraphRoot::Error}) {
        GraphView view;
        view.setShowValues(true);
        view.setRoot(root);
        view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
        QVERIFY(view.nodeCount() >= 5);
        if (chinese)
            QVERIFY2(view.nodeLabels().join(QString()).contains(QStringLiteral("梯度")), qPrintable(view.nodeLabels().join(QLatin1Char('|'))));
        for (const QString& id : view.nodeIds()) {
            const QRectF box = view.nodeRect(id), text = view.nodeTextRect(id);
            QVERIFY(!text.isEmpty());
            QVERIFY2(box.contains(text), qPrintable(QStringLiteral("%1: text %2x%3 at (%4, %5) in box %6x%7 at (%8, %9)")
                                                        .arg(id)
                                                        .arg(text.width()).arg(text.height()).arg(text.x()).arg(text.y())
                                                        .arg(box.width()).arg(box.height()).arg(box.x()).arg(box.y())));
        }
        QCOMPARE(overlap(view), QString());
    }
    if (chinese)
        QVERIFY(QCoreApplication::removeTranslator(&translator));
}

void TestGraphView::writtenOutLossIsOfferedForTheMse()
{
    GraphView view;
    view.setRoot(GraphRoot::LossWrittenOut);
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    // The tutorial's section 2.4: loss = (error ** 2).mean(), two more grey boxes than the error's graph.
    QCOMPARE(view.nodeCount(), 7);
    QCOMPARE(view.nodeLabels().front(), QStringLiteral("MeanBackward0"));
    QVERIFY(!idOfLabel(view, QStringLiteral("PowBackward0")).isEmpty());
    QVERIFY(!idOfLabel(view, QStringLiteral("SubBackward0")).isEmpty());
    // The configured loss is one box.
    view.setRoot(GraphRoot::Loss);
    QCOMPARE(view.nodeCount(), 5);
    QCOMPARE(view.nodeLabels().front(), QStringLiteral("MseLossBackward0"));

    // Another loss has no written-out MSE graph: a reason instead of a graph that is not its loss's.
    ExperimentConfig l1 = ExperimentConfig::tutorial();
    l1.loss.type = LossConfig::Type::L1;
    view.setRoot(GraphRoot::LossWrittenOut);
    view.setExperiment(l1, tutorialData(), {}, 0);
    QCOMPARE(view.nodeCount(), 0);
    QVERIFY2(view.message().contains(QStringLiteral("(error ** 2).mean()")), qPrintable(view.message()));
    QVERIFY(view.caption().isEmpty());
    view.setRoot(GraphRoot::Loss);
    QCOMPARE(view.nodeCount(), 5);
    QCOMPARE(view.nodeLabels().front(), QStringLiteral("L1LossBackward0"));
}

void TestGraphView::captionSaysWhereTheValuesAre()
{
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    QVERIFY2(view.caption().contains(QStringLiteral("initial parameters")), qPrintable(view.caption()));
    // After Step 1: the values are at the updated parameters, where epoch 2 starts.
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {0.64794, 0.310374}, 1);
    QVERIFY2(view.caption().contains(QStringLiteral("after epoch 1's update")), qPrintable(view.caption()));
    QVERIFY(view.caption().contains(QStringLiteral("where epoch 2 starts")));
    QVERIFY(!view.caption().contains(QStringLiteral("seeded with ones"))); // the loss is a scalar
    // The error is 80 values: its gradients are those of their sum.
    view.setRoot(GraphRoot::Error);
    QVERIFY2(view.caption().contains(QStringLiteral("80 values")) && view.caption().contains(QStringLiteral("seeded with ones")),
             qPrintable(view.caption()));
    view.setRoot(GraphRoot::Yhat);
    QVERIFY(view.caption().contains(QStringLiteral("seeded with ones")));
    view.setRoot(GraphRoot::Loss);
    // Within an epoch (Step Batch): after that batch's update.
    widgets::GraphPoint within(1);
    within.batch = 2;
    within.batches = 5;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {0.64794, 0.310374}, within);
    QVERIFY2(view.caption().contains(QStringLiteral("after the update of batch 2 of 5 in epoch 2")), qPrintable(view.caption()));
    // A run that is over (finished, or stopped within an epoch): its final parameters, with no
    // next epoch and no claim on what the step inspector shows (QA batch 13).
    widgets::GraphPoint over(1000);
    over.final = true;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {1.02, 1.97}, over);
    QVERIFY2(view.caption().contains(QStringLiteral("the run's final parameters, after epoch 1000's update")), qPrintable(view.caption()));
    QVERIFY(!view.caption().contains(QStringLiteral("1001")));
    QVERIFY(!view.caption().contains(QStringLiteral("step inspector")));
    over.epochs = 2;
    over.withinEpoch = true;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {1.02, 1.97}, over);
    QVERIFY2(view.caption().contains(QStringLiteral("the run's final parameters, from within epoch 3, where it was stopped")),
             qPrintable(view.caption()));
}

void TestGraphView::freezingBRemovesItsNode()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.frozen = QStringList{QStringLiteral("b")};
    GraphView view;
    view.setExperiment(c, tutorialData(), {}, 0);
    QCOMPARE(view.nodeCount(), 3);
    QVERIFY(idOfLabel(view, QStringLiteral("b")).isEmpty());
    QVERIFY(!idOfLabel(view, QStringLiteral("a")).isEmpty());
    // Everything frozen: no graph, and a reason instead.
    c.model.frozen = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    view.setExperiment(c, tutorialData(), {}, 0);
    QCOMPARE(view.nodeCount(), 0);
    QVERIFY(view.message().contains(QStringLiteral("frozen")));
}

void TestGraphView::mlpRendersWithoutOverlaps()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.type = ModelConfig::Type::Mlp;
    c.model.hidden = {16, 16};
    GraphView view;
    view.resize(800, 600);
    view.setExperiment(c, tutorialData(), {}, 0);
    int params = 0;
    for (const QString& l : view.nodeLabels())
        params += l.contains(QStringLiteral("weight\n")) || l.contains(QStringLiteral("bias\n")) ? 1 : 0;
    QCOMPARE(params, 6);
    QVERIFY(view.nodeCount() > 12);
    QCOMPARE(overlap(view), QString());
    view.setShowValues(true);
    QCOMPARE(overlap(view), QString());
    view.fitToView();
    view.zoomIn();
    view.zoomOut();
}

void TestGraphView::exports()
{
    QTemporaryDir dir;
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    QString error;

    const QString dotPath = dir.filePath(QStringLiteral("g.dot"));
    QVERIFY2(view.exportTo(dotPath, &error), qPrintable(error));
    QFile dot(dotPath);
    QVERIFY(dot.open(QIODevice::ReadOnly));
    const QByteArray dotText = dot.readAll();
    QVERIFY(dotText.startsWith("digraph"));
    QVERIFY(dotText.contains("fillcolor=lightblue") && dotText.contains("fillcolor=darkolivegreen1"));
    QVERIFY(dotText.contains("MseLossBackward0"));

    const QString svgPath = dir.filePath(QStringLiteral("g.svg"));
    QVERIFY2(view.exportTo(svgPath, &error), qPrintable(error));
    QFile svg(svgPath);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const QString& label : view.nodeLabels())
        for (const QString& line : label.split(QLatin1Char('\n')))
            QVERIFY2(texts.contains(line), qPrintable(line));

    const QString pngPath = dir.filePath(QStringLiteral("g.png"));
    QVERIFY2(view.exportTo(pngPath, &error), qPrintable(error));
    QImage png(pngPath);
    QVERIFY(!png.isNull());
    // Twice the size of the drawing at 96 dpi (it is in points), as the plots' PNGs are twice
    // theirs: 4 / 3 × 2 pixels a point for the nodes' span, the margin beside.
    QRectF nodes;
    for (const QString& id : view.nodeIds())
        nodes |= view.nodeRect(id);
    const QString size = QStringLiteral("%1 × %2 for nodes over %3 × %4 points")
                             .arg(png.width())
                             .arg(png.height())
                             .arg(nodes.width())
                             .arg(nodes.height());
    QVERIFY2(png.width() >= nodes.width() * 8 / 3 && png.height() >= nodes.height() * 8 / 3, qPrintable(size));
    QVERIFY2(png.width() < (nodes.width() + 60) * 8 / 3 && png.height() < (nodes.height() + 60) * 8 / 3, qPrintable(size));
    // The root's green is in the picture.
    bool green = false;
    for (int y = 0; y < png.height() && !green; ++y)
        for (int x = 0; x < png.width() && !green; ++x)
            green = png.pixelColor(x, y) == QColor(202, 255, 112);
    QVERIFY(green);
}

void TestGraphView::unknownExportTypeIsAnError()
{
    QTemporaryDir dir;
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    QString error;
    const QString path = dir.filePath(QStringLiteral("g.txt"));
    QVERIFY(!view.exportTo(path, &error));
    QVERIFY(error.contains(QStringLiteral(".dot")));
    QVERIFY(!QFile::exists(path));
}

void TestGraphView::clearShowsTheReason()
{
    QTemporaryDir dir;
    GraphView view;
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {}, 0);
    view.clear(QStringLiteral("No data loaded."));
    QCOMPARE(view.nodeCount(), 0);
    QCOMPARE(view.message(), QStringLiteral("No data loaded."));
    QString error;
    const QString path = dir.filePath(QStringLiteral("g.dot"));
    QVERIFY(!view.exportTo(path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(path));
    view.setRoot(GraphRoot::Yhat); // nothing to recompute: still cleared
    QCOMPARE(view.nodeCount(), 0);
}

QTEST_MAIN(TestGraphView)
#include "tst_graph_view.moc"
