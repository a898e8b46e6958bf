// Plot exports: loss curves and the data plot rendered off screen as PNG, SVG and PDF, chosen by
// extension; anything else, or a plot that cannot be drawn, is an error that leaves no file.
#include "widgets/plot_export.h"

#include "experiment/history.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <optional>

using namespace gradlab;
using namespace gradlab::experiment;
using gradlab::widgets::exportFitPlot;
using gradlab::widgets::exportLossPlot;
using gradlab::widgets::exportParametersPlot;
using gradlab::widgets::plotColor;

namespace {

struct Trained {
    ExperimentData data;
    RunRecord run;
};

Trained train(ExperimentConfig config)
{
    Project p;
    p.config = config;
    QString error;
    auto data = p.loadData(&error);
    if (!data)
        qFatal("%s", qPrintable(error));
    Trainer t(p.config, data->train, data->val);
    History h;
    t.run({}, [&](const EpochRecord& r) { h.add(r); });
    return {*data, recordRun(t, h.records(), *data, QDateTime::currentDateTimeUtc(), 0.0)};
}

ExperimentConfig tutorial(qint64 epochs)
{
    ExperimentConfig c;
    c.training.epochs = epochs;
    return c;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A rendered plot: axes, text, points and lines make many colours; a blank page has one.
int colours(const QImage& image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            seen.insert(image.pixel(x, y));
    return static_cast<int>(seen.size());
}

void checkFile(const QString& path, const QString& format, QSize size)
{
    const QByteArray bytes = readAll(path);
    QVERIFY2(bytes.size() > 1000, qPrintable(path));
    if (format == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), size * gradlab::widgets::kPngScale); // twice the pixels, for slides
        QVERIFY2(colours(image) > 10, "the PNG looks blank");
    } else if (format == QLatin1String("svg")) {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("</svg>"));
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }
}

} // namespace

class TestPlotExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void lossPlotInEachFormat_data();
    void lossPlotInEachFormat();
    void fitPlotInEachFormat_data();
    void fitPlotInEachFormat();
    void unknownExtensionIsAnError_data();
    void unknownExtensionIsAnError();
    void multiFeatureDataPlotsPredictions();
    void nothingToPlotIsAnError();
    void hostileColumnNamesAreJustLabels();
    void lineBreaksInNamesAreShownOnOneLine();
    void manyRunsAreToldApart();
    void parametersOfSeveralRuns();
    void svgLegendSamplesKeepTheirGap();

private:
    Trained tutorial_;
};

void TestPlotExport::initTestCase()
{
    tutorial_ = train(tutorial(100));
    QVERIFY(tutorial_.run.closedForm);
}

void TestPlotExport::lossPlotInEachFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("logScale");
    QTest::addColumn<int>("runs");
    for (const char* format : {"png", "svg", "pdf"}) {
        QTest::addRow("%s linear", format) << QString::fromLatin1(format) << false << 1;
        QTest::addRow("%s log, two runs", format) << QString::fromLatin1(format) << true << 2;
    }
}

void TestPlotExport::lossPlotInEachFormat()
{
    QFETCH(QString, format);
    QFETCH(bool, logScale);
    QFETCH(int, runs);
    std::vector<RunRecord> list{tutorial_.run};
    if (runs == 2) {
        ExperimentConfig c = tutorial(60);
        c.optimizer.lr = 0.05;
        list.push_back(train(c).run);
    }
    QTemporaryDir dir;
    // Upper case works too: the extension is a file name's, not a keyword.
    const QString path = dir.filePath(QStringLiteral("loss.") + (runs == 2 ? format.toUpper() : format));
    QString error;
    QVERIFY2(exportLossPlot(list, path, logScale, &error, QSize(640, 480)), qPrintable(error));
    checkFile(path, format, QSize(640, 480));
}

void TestPlotExport::fitPlotInEachFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("model");
    for (const char* format : {"png", "svg", "pdf"})
        for (const char* model : {"scalar_linear", "polynomial", "mlp"})
            QTest::addRow("%s %s", format, model) << QString::fromLatin1(format) << QString::fromLatin1(model);
}

void TestPlotExport::fitPlotInEachFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, model);
    Trained t = tutorial_;
    if (model != QLatin1String("scalar_linear")) {
        ExperimentConfig c = tutorial(50);
        c.model.type = model == QLatin1String("mlp") ? ModelConfig::Type::Mlp : ModelConfig::Type::Polynomial;
        t = train(c);
        QCOMPARE(static_cast<bool>(t.run.closedForm), model != QLatin1String("mlp"));
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fit.") + format);
    QString error;
    QVERIFY2(exportFitPlot(t.data, t.run, path, &error), qPrintable(error));
    checkFile(path, format, widgets::kDefaultPlotSize);
}

void TestPlotExport::unknownExtensionIsAnError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jpg") << "plot.jpg" << ".jpg";
    QTest::newRow("txt") << "plot.png.txt" << ".txt";
    QTest::newRow("none") << "plot" << "no extension";
}

void TestPlotExport::unknownExtensionIsAnError()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QString error;
    QVERIFY(!exportLossPlot({tutorial_.run}, path, false, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!exportFitPlot(tutorial_.data, tutorial_.run, path, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

// Several features: the rows' predictions against their observed targets, in the rows' colours
// (as the live Data and fit plot shows them), not an error.
void TestPlotExport::multiFeatureDataPlotsPredictions()
{
    ExperimentConfig c = tutorial(5);
    c.dataset.generator.features = 2;
    c.dataset.generator.weights = {1.0, -1.0};
    c.model.type = ModelConfig::Type::Linear;
    const Trained t = train(c);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fit.png"));
    QString error;
    QVERIFY2(exportFitPlot(t.data, t.run, path, &error), qPrintable(error));
    checkFile(path, QStringLiteral("png"), widgets::kDefaultPlotSize);
    QImage image;
    QVERIFY(image.loadFromData(readAll(path), "PNG"));
    int training = 0, validation = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            training += image.pixel(x, y) == widgets::plotColor(0).rgb();
            validation += image.pixel(x, y) == widgets::plotColor(1).rgb();
        }
    }
    QVERIFY2(training > 100 && validation > 20, qPrintable(QStringLiteral("%1 %2").arg(training).arg(validation)));
    const QString svg = dir.filePath(QStringLiteral("fit.svg"));
    QVERIFY2(exportFitPlot(t.data, t.run, svg, &error), qPrintable(error));
    QVERIFY(readAll(svg).contains("Predicted y"));
}

void TestPlotExport::nothingToPlotIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loss.svg"));
    QString error;
    QVERIFY(!exportLossPlot({}, path, false, &error));
    QVERIFY(!error.isEmpty());
    RunRecord negative = tutorial_.run;
    for (EpochRecord& e : negative.history)
        e.trainLoss = e.valLoss = -1.0; // a maximising run: nothing on a log axis
    QVERIFY(!exportLossPlot({negative}, path, true, &error));
    QVERIFY2(error.contains(QLatin1String("positive")), qPrintable(error));
    QVERIFY(exportLossPlot({negative}, path, false, &error));
    QVERIFY(!exportLossPlot({tutorial_.run}, path, false, &error, QSize(0, 10)));
    QVERIFY2(error.contains(QStringLiteral("0 × 10")), qPrintable(error));
}

void TestPlotExport::hostileColumnNamesAreJustLabels()
{
    Trained t = tutorial_;
    t.data.all.featureNames = {"x\", \"y\n\"; import os #"};
    t.data.all.targetName = "温度 °C <svg> & </svg>";
    QTemporaryDir dir;
    QString error;
    for (const char* format : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QStringLiteral("fit.") + QLatin1String(format));
        QVERIFY2(exportFitPlot(t.data, t.run, path, &error), qPrintable(error));
        checkFile(path, QLatin1String(format), widgets::kDefaultPlotSize);
    }
    // The SVG is still one well-formed document: the name is escaped text in it.
    const QByteArray svg = readAll(dir.filePath(QStringLiteral("fit.svg")));
    QCOMPARE(svg.count("<svg"), 1);
    QCOMPARE(svg.count("</svg>"), 1);
}

// A name with a newline or a tab (a quoted CSV header) labels its axis on one line, escaped as the
// rest of GradLab shows it, not as two lines of text.
void TestPlotExport::lineBreaksInNamesAreShownOnOneLine()
{
    Trained t = tutorial_;
    t.data.all.featureNames = {"x\nfeet"};
    t.data.all.targetName = "y\r\nmetres\tcm";
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("fit.svg"));
    QVERIFY2(exportFitPlot(t.data, t.run, path, &error), qPrintable(error));
    const QByteArray svg = readAll(path);
    QVERIFY2(svg.contains("x\\nfeet"), svg.constData());
    QVERIFY2(svg.contains("y\\r\\nmetres\\tcm"), svg.constData());
    QVERIFY(!svg.contains(">feet<") && !svg.contains(">metres"));
}

// Several runs' trajectories in one picture, named by their numbers in the run list: each run in
// its colour, each parameter in its line style, and the closed form they share once in the legend.
void TestPlotExport::parametersOfSeveralRuns()
{
    QTemporaryDir dir;
    QString error;
    RunRecord adam = tutorial_.run;
    adam.config.optimizer.type = OptimizerConfig::Type::Adam;
    for (const char* format : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QStringLiteral("params.") + QLatin1String(format));
        QVERIFY2(exportParametersPlot({tutorial_.run, adam}, path, &error, widgets::kDefaultPlotSize, {2, 5}), qPrintable(error));
        checkFile(path, QLatin1String(format), widgets::kDefaultPlotSize);
    }
    const QByteArray svg = readAll(dir.filePath(QStringLiteral("params.svg")));
    for (const char* name : {"Run 2 (SGD, lr 0.1): a", "Run 2 (SGD, lr 0.1): b", "Run 5 (Adam, lr 0.1): a", "Run 5 (Adam, lr 0.1): b"})
        QVERIFY2(svg.contains(name), name);
    QCOMPARE(svg.count("Closed form (dashed)"), 1);
    // The first run's colour and the second's, solid (a) and dotted (b).
    QVERIFY(svg.contains(plotColor(0).name().toLatin1()) && svg.contains(plotColor(1).name().toLatin1()));
    // Runs on other data share no closed form: none is drawn.
    RunRecord other = adam;
    other.closedForm->params[0] += 1.0;
    QVERIFY(exportParametersPlot({tutorial_.run, other}, dir.filePath(QStringLiteral("other.svg")), &error));
    QVERIFY(!readAll(dir.filePath(QStringLiteral("other.svg"))).contains("Closed form"));
    QVERIFY(!exportParametersPlot({}, dir.filePath(QStringLiteral("none.svg")), &error));
    QCOMPARE(error, QStringLiteral("There is no run to plot"));

    // A run stopped within its first epoch has no loss to draw: it is left out of the loss plot
    // and its legend, and said to be (QA v14 F8); its parameters are its initial values, a marker
    // at epoch 0.
    RunRecord stopped = adam;
    stopped.history.clear();
    stopped.epochs = 0;
    std::vector<int> leftOut;
    const QString loss = dir.filePath(QStringLiteral("stopped-loss.svg"));
    QVERIFY2(exportLossPlot({tutorial_.run, stopped}, loss, true, &error, widgets::kDefaultPlotSize, {1, 2}, &leftOut), qPrintable(error));
    QCOMPARE(leftOut, std::vector<int>{2});
    QVERIFY(readAll(loss).contains("Run 1 (SGD, lr 0.1): training loss"));
    QVERIFY(!readAll(loss).contains("Run 2"));
    leftOut.clear();
    const QString params = dir.filePath(QStringLiteral("stopped-params.svg"));
    QVERIFY2(exportParametersPlot({stopped}, params, &error, widgets::kDefaultPlotSize, {2}, &leftOut), qPrintable(error));
    QVERIFY(leftOut.empty());
    QVERIFY(readAll(params).contains("Run 2 (Adam, lr 0.1): a"));
    QVERIFY(readAll(params).count("<ellipse") + readAll(params).count("<circle") + readAll(params).count("<path") > 0);
}

// Past the palette's colours, a run shares a colour with an earlier one and has markers on its
// curves to tell them apart (the dash already tells training from validation).
void TestPlotExport::manyRunsAreToldApart()
{
    QTemporaryDir dir;
    QString error;
    const auto markers = [&](std::size_t runs) {
        const QString path = dir.filePath(QStringLiteral("loss%1.svg").arg(runs));
        if (!exportLossPlot(std::vector<RunRecord>(runs, tutorial_.run), path, true, &error))
            return qsizetype(-1);
        return readAll(path).count("<ellipse") + readAll(path).count("<circle");
    };
    const qsizetype palette = markers(widgets::kPlotColorCount);
    QVERIFY2(palette >= 0, qPrintable(error));
    QCOMPARE(palette, 0);
    // Run 11 has run 1's colour, and round markers on its two curves.
    QVERIFY(markers(widgets::kPlotColorCount + 1) >= 2 * 10);
}

// Teacher round: in an SVG the legend's line samples ran into their text ("——Training loss"),
// where the window, the PNG and the PDF leave a gap. The gap between the end of each sample (its
// square cap included) and its text, read from the SVG's coordinates.
void TestPlotExport::svgLegendSamplesKeepTheirGap()
{
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("loss.svg"));
    QVERIFY2(exportLossPlot({tutorial_.run}, path, true, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    struct Line {
        double x1, x2, y, halfWidth;
    };
    std::vector<Line> lines;
    std::map<QString, QPointF> texts;
    double strokeWidth = 1.0;
    bool squareCap = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes at = xml.attributes();
        if (xml.name() == QLatin1String("g")) {
            strokeWidth = at.value(QLatin1String("stroke-width")).toDouble();
            squareCap = at.value(QLatin1String("stroke-linecap")) == QLatin1String("square");
        } else if (xml.name() == QLatin1String("polyline")) {
            const QStringList points = at.value(QLatin1String("points")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (points.size() != 2)
                continue;
            const QStringList a = points[0].split(QLatin1Char(',')), b = points[1].split(QLatin1Char(','));
            if (a.size() == 2 && b.size() == 2 && a[1] == b[1])
                lines.push_back({a[0].toDouble(), b[0].toDouble(), a[1].toDouble(), squareCap ? strokeWidth / 2 : 0.0});
        } else if (xml.name() == QLatin1String("text")) {
            const QPointF at_(at.value(QLatin1String("x")).toDouble(), at.value(QLatin1String("y")).toDouble());
            texts[xml.readElementText()] = at_;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const QString& name : {QStringLiteral("Training loss"), QStringLiteral("Validation loss")}) {
        QVERIFY2(texts.count(name), qPrintable(name));
        const QPointF text = texts[name];
        // The sample: the horizontal line just left of the text, at its middle height.
        std::optional<double> end;
        for (const Line& l : lines)
            if (std::abs(l.y - (text.y() - 4)) < 6 && l.x1 < text.x() && l.x2 > text.x() - 20)
                end = std::max(end.value_or(l.x1), l.x2 + l.halfWidth);
        QVERIFY2(end, qPrintable(name));
        QVERIFY2(text.x() - *end >= 6, qPrintable(QStringLiteral("%1: the sample ends at %2, the text starts at %3").arg(name).arg(*end).arg(text.x())));
    }
}

QTEST_MAIN(TestPlotExport)
#include "tst_plot_export.moc"
