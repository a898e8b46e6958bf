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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
    view.setExperiment(ExperimentConfig::tutorial(), d, {});
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {1.5, -0.5});
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

void TestGraphView::freezingBRemovesItsNode()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.frozen = QStringList{QStringLiteral("b")};
    GraphView view;
    view.setExperiment(c, tutorialData(), {});
    QCOMPARE(view.nodeCount(), 3);
    QVERIFY(idOfLabel(view, QStringLiteral("b")).isEmpty());
    QVERIFY(!idOfLabel(view, QStringLiteral("a")).isEmpty());
    // Everything frozen: no graph, and a reason instead.
    c.model.frozen = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    view.setExperiment(c, tutorialData(), {});
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
    view.setExperiment(c, tutorialData(), {});
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
    QVERIFY(png.width() > 50 && png.height() > 50);
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
    view.setExperiment(ExperimentConfig::tutorial(), tutorialData(), {});
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
