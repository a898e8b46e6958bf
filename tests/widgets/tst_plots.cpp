// The live plots: what each draws for the tutorial, log scales, the run overlays, exports and
// the loss landscape, and that long runs stay cheap to draw.
#include "widgets/plots.h"

#include "experiment/curves.h"
#include "experiment/project.h"
#include "widgets/plot_export.h"
#include "widgets/run_list.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace gradlab;
using namespace gradlab::experiment;
using namespace gradlab::widgets;

namespace {

QJsonObject expected()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read tutorial_expected.json");
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::vector<double> closedForm()
{
    const QJsonObject cf = expected().value(QStringLiteral("closed_form_train")).toObject();
    return {cf.value(QStringLiteral("a")).toDouble(), cf.value(QStringLiteral("b")).toDouble()};
}

ExperimentData load(const ExperimentConfig& config)
{
    QString error;
    auto data = loadExperimentData(config, &error);
    if (!data)
        qFatal("%s", qPrintable(error));
    return *data;
}

// The graph's value at `x`, linear between its points (exact for a straight line).
double valueAt(const QCPGraph* g, double x)
{
    const auto data = g->data();
    for (auto it = data->constBegin(); it != data->constEnd() && std::next(it) != data->constEnd(); ++it) {
        const auto next = std::next(it);
        if (it->key <= x && x <= next->key)
            return it->value + (next->value - it->value) * (x - it->key) / (next->key - it->key);
    }
    return std::nan("");
}

EpochRecord record(qint64 epoch, double train, double val, std::vector<double> params = {})
{
    EpochRecord r;
    r.epoch = epoch;
    r.trainLoss = train;
    r.valLoss = val;
    r.params = std::move(params);
    return r;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPlots : public QObject {
    Q_OBJECT

private slots:
    // The closed form's 95% confidence band: statsmodels' mean_ci at the ends of the view
    // (fixtures/prediction_reference.json, the tutorial's training rows); off until asked for;
    // none for several features.
    void dataFitDrawsTheClosedFormsConfidenceBand()
    {
        QFile f(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject reference;
        for (const QJsonValue p : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("problems")).toArray())
            if (p.toObject().value(QStringLiteral("name")).toString() == QLatin1String("tutorial_train"))
                reference = p.toObject().value(QStringLiteral("expected")).toObject();
        QVERIFY(!reference.isEmpty());
        // The fixture's rows are x = -0.5, 0, 0.25, 0.5, 1, 2: the view's ends are its first and last.
        const auto at = [&](const char* key, int i) { return reference.value(QLatin1String(key)).toArray()[i].toDouble(); };

        const ExperimentConfig config = ExperimentConfig::tutorial();
        const ExperimentData data = load(config); // the tutorial's split: the fixture's training rows
        const auto cf = closedFormFor(config, data);
        QVERIFY(cf && cf->fit);
        DataFitPlot plot;
        plot.resize(800, 600);
        plot.setData(config, data);
        plot.setClosedForm(cf->params);
        plot.setClosedFormFit(cf->fit);
        QVERIFY(plot.bandAvailable());
        QCOMPARE(plot.bandUpperGraph()->dataCount(), 0); // off by default
        QSignalSpy shown(&plot, &DataFitPlot::showBandChanged);
        plot.setShowBand(true);
        QCOMPARE(shown.count(), 1);
        plot.xAxis->setRange(-0.5, 2.0);
        const QCPGraph* lower = plot.bandLowerGraph();
        const QCPGraph* upper = plot.bandUpperGraph();
        QVERIFY(lower->dataCount() > 100);
        QCOMPARE(upper->channelFillGraph(), lower);
        const auto close = [](double a, double b) { return std::abs(a - b) <= 1e-8 * (1.0 + std::abs(b)); };
        QVERIFY2(close(lower->data()->constBegin()->value, at("mean_ci_lower", 0)), qPrintable(QString::number(lower->data()->constBegin()->value, 'g', 17)));
        QVERIFY(close(upper->data()->constBegin()->value, at("mean_ci_upper", 0)));
        QVERIFY(close((lower->data()->constEnd() - 1)->value, at("mean_ci_lower", 5)));
        QVERIFY(close((upper->data()->constEnd() - 1)->value, at("mean_ci_upper", 5)));
        // The band is narrowest near the mean of x and widens beyond the data.
        const double widthInside = valueAt(upper, 0.5) - valueAt(lower, 0.5);
        const double widthBeyond = valueAt(upper, 2.0) - valueAt(lower, 2.0);
        QVERIFY(widthInside > 0 && widthBeyond > 3 * widthInside);
        // The context menu's item, with B as its key.
        const std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
        QAction* item = menu->findChild<QAction*>(QStringLiteral("showBand"));
        QVERIFY(item && item->isEnabled() && item->isChecked());
        plot.setFocus();
        QTest::keyClick(&plot, Qt::Key_B);
        QVERIFY(!plot.showsBand());
        QCOMPARE(plot.bandUpperGraph()->dataCount(), 0);

        // Several features: no band, and its menu item is disabled.
        ExperimentConfig several = config;
        several.model.type = ModelConfig::Type::Linear;
        several.dataset.generator.features = 2;
        several.dataset.generator.weights = {1.0, 2.0};
        const ExperimentData data2 = load(several);
        const auto cf2 = closedFormFor(several, data2);
        QVERIFY(cf2 && cf2->fit);
        plot.setData(several, data2);
        plot.setClosedFormFit(cf2->fit);
        plot.setShowBand(true);
        QVERIFY(!plot.bandAvailable());
        QCOMPARE(plot.bandUpperGraph()->dataCount(), 0);
        const std::unique_ptr<QMenu> menu2(plot.createContextMenu(nullptr));
        QVERIFY(!menu2->findChild<QAction*>(QStringLiteral("showBand"))->isEnabled());
    }

    // QA 13: a long message (a path and why it cannot be read) ran past both edges of the plot; it
    // is broken into lines that fit, again when the plot is resized, and reads the same.
    void longMessagesWrapToThePlotsWidth()
    {
        DataFitPlot plot;
        plot.resize(420, 400);
        const QString why = QStringLiteral("The data could not be read: Cannot read /tmp/qa13/csv/a-rather-long-folder-name/utf16.csv: "
                                           "the file is UTF-16 text; save it as UTF-8");
        plot.setNoData(ExperimentConfig::tutorial(), why);
        QCOMPARE(plot.message(), why);
        QCPItemText* shown = nullptr;
        for (int i = 0; i < plot.itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(plot.item(i)); text && text->visible())
                shown = text;
        QVERIFY(shown);
        const QFontMetricsF metrics(shown->font());
        auto widest = [&] {
            qreal w = 0;
            for (const QString& line : shown->text().split(QLatin1Char('\n')))
                w = std::max(w, metrics.horizontalAdvance(line));
            return w;
        };
        QVERIFY2(shown->text().count(QLatin1Char('\n')) >= 1, qPrintable(shown->text()));
        QVERIFY2(widest() <= plot.width(), qPrintable(shown->text()));
        // Broken at spaces, or within a path: the same characters.
        const auto letters = [](QString t) { return t.remove(QLatin1Char('\n')).remove(QLatin1Char(' ')); };
        QCOMPARE(letters(shown->text()), letters(why));
        const int lines = static_cast<int>(shown->text().count(QLatin1Char('\n')));
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.resize(1600, 400);
        QTRY_VERIFY(plot.width() == 1600);
        QTRY_VERIFY2(shown->text().count(QLatin1Char('\n')) < lines, qPrintable(shown->text()));
        // Within the axes' rectangle, clear of the tick labels.
        QVERIFY(widest() <= plot.axisRect()->rect().width());
    }

    void dataFitShowsTheTutorial()
    {
        const ExperimentConfig config = ExperimentConfig::tutorial();
        const ExperimentData data = load(config);
        DataFitPlot plot;
        plot.resize(800, 600);
        plot.setData(config, data);
        QCOMPARE(plot.trainGraph()->dataCount(), 80);
        QCOMPARE(plot.validationGraph()->dataCount(), 20);
        QVERIFY(plot.message().isEmpty());
        // The generator's line y = 1 + 2x, dashed.
        QVERIFY(plot.trueLineGraph()->dataCount() >= 2);
        QVERIFY(std::abs(valueAt(plot.trueLineGraph(), 0.5) - 2.0) < 1e-12);
        QCOMPARE(plot.trueLineGraph()->pen().style(), Qt::DashLine);

        const std::vector<double> cf = closedForm();
        QCOMPARE(plot.fitGraph()->dataCount(), 0);
        plot.setFit(cf);
        QVERIFY(plot.fitGraph()->dataCount() > 100);
        QVERIFY2(std::abs(valueAt(plot.fitGraph(), 0.0) - cf[0]) < 1e-9, qPrintable(QString::number(valueAt(plot.fitGraph(), 0.0))));
        QVERIFY(std::abs(valueAt(plot.fitGraph(), 1.0) - (cf[0] + cf[1])) < 1e-9);

        plot.setClosedForm(cf);
        QCOMPARE(plot.closedFormGraph()->pen().style(), Qt::DashLine);
        QVERIFY(plot.closedFormGraph()->dataCount() > 100);
        plot.setClosedForm({});
        QCOMPARE(plot.closedFormGraph()->dataCount(), 0);

        // New data clears the curves.
        plot.setData(config, data);
        QCOMPARE(plot.fitGraph()->dataCount(), 0);
    }

    // One feature with weights [3]: the generator's slope is 3, not b (2), and so is the line's.
    void dataFitTrueLineFollowsTheGeneratorsWeight()
    {
        ExperimentConfig config = ExperimentConfig::tutorial();
        config.dataset.generator.weights = {3.0};
        const ExperimentData data = load(config);
        DataFitPlot plot;
        plot.resize(800, 600);
        plot.setData(config, data);
        QVERIFY(plot.trueLineGraph()->dataCount() >= 2);
        QVERIFY2(std::abs(valueAt(plot.trueLineGraph(), 0.5) - 2.5) < 1e-12, qPrintable(QString::number(valueAt(plot.trueLineGraph(), 0.5))));
        QVERIFY(std::abs(valueAt(plot.trueLineGraph(), 0.0) - 1.0) < 1e-12);
    }

    // Several features: each row's prediction against its observed target, the closed form's as
    // rings, and the diagonal where a perfect prediction lies.
    void dataFitShowsPredictedAgainstObserved()
    {
        ExperimentConfig config;
        config.model.type = ModelConfig::Type::Linear;
        config.dataset.generator.features = 2;
        config.dataset.generator.weights = {1.0, 2.0}; // y = 1 + x₁ + 2·x₂ + N(0, 0.1²)
        const ExperimentData data = load(config);
        DataFitPlot plot;
        plot.resize(800, 600);
        plot.setData(config, data);
        QVERIFY(plot.showsPredictions());
        QVERIFY2(plot.message().isEmpty(), qPrintable(plot.message()));
        QCOMPARE(plot.xAxis->label(), QStringLiteral("Observed y"));
        QCOMPARE(plot.yAxis->label(), QStringLiteral("Predicted y"));
        QCOMPARE(plot.diagonalGraph()->pen().style(), Qt::DashLine);
        QVERIFY(plot.diagonalGraph()->dataCount() >= 2);
        QVERIFY(std::abs(valueAt(plot.diagonalGraph(), 2.5) - 2.5) < 1e-12);
        QVERIFY(plot.legend->hasItemWithPlottable(plot.diagonalGraph()));
        QCOMPARE(plot.trueLineGraph()->dataCount(), 0);

        // nn.Linear(2, 1) with weight (0.5, −1) and bias 2: ŷ = 2 + 0.5·x₁ − x₂ at each row.
        plot.setFit({0.5, -1.0, 2.0}, false);
        const auto expectedPoints = [](const data::Dataset& d) {
            std::vector<std::pair<double, double>> points;
            for (std::int64_t i = 0; i < d.rows(); ++i)
                points.emplace_back(d.y[static_cast<std::size_t>(i)], 2.0 + 0.5 * d.feature(i, 0) - d.feature(i, 1));
            std::sort(points.begin(), points.end());
            return points;
        };
        const auto shownPoints = [](const QCPGraph* g) {
            std::vector<std::pair<double, double>> points;
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
                points.emplace_back(it->key, it->value);
            std::sort(points.begin(), points.end());
            return points;
        };
        for (const auto& [graph, rows] : {std::pair{plot.trainGraph(), &data.train}, std::pair{plot.validationGraph(), &data.val}}) {
            const auto want = expectedPoints(*rows), got = shownPoints(graph);
            QCOMPARE(got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                QCOMPARE(got[i].first, want[i].first);
                QVERIFY2(std::abs(got[i].second - want[i].second) < 1e-12, qPrintable(QString::number(got[i].second - want[i].second)));
            }
        }
        QCOMPARE(plot.trainGraph()->dataCount(), 80);
        QCOMPARE(plot.validationGraph()->dataCount(), 20);
        QCOMPARE(plot.trainGraph()->name(), QStringLiteral("Initial parameters, training rows"));
        QCOMPARE(plot.validationGraph()->name(), QStringLiteral("Initial parameters, validation rows"));

        // The closed form fits the rows to within the noise: its rings lie along the diagonal,
        // every one within 4σ = 0.4 of it.
        const auto cf = closedFormFor(config, data);
        QVERIFY(cf);
        plot.setClosedForm(cf->params);
        QCOMPARE(plot.closedFormGraph()->dataCount(), 100);
        QCOMPARE(plot.closedFormGraph()->scatterStyle().shape(), QCPScatterStyle::ssCircle);
        QCOMPARE(plot.closedFormGraph()->lineStyle(), QCPGraph::lsNone);
        QVERIFY(plot.legend->hasItemWithPlottable(plot.closedFormGraph()));
        double worst = 0.0;
        for (auto it = plot.closedFormGraph()->data()->constBegin(); it != plot.closedFormGraph()->data()->constEnd(); ++it)
            worst = std::max(worst, std::abs(it->value - it->key));
        QVERIFY2(worst < 0.4, qPrintable(QString::number(worst)));
        // ... while the initial parameters' predictions do not.
        double initialWorst = 0.0;
        for (auto it = plot.trainGraph()->data()->constBegin(); it != plot.trainGraph()->data()->constEnd(); ++it)
            initialWorst = std::max(initialWorst, std::abs(it->value - it->key));
        QVERIFY(initialWorst > 1.0);

        // A run: the trained model's predictions follow, named as such; the view holds them.
        plot.setFit(cf->params, true);
        QCOMPARE(plot.trainGraph()->name(), QStringLiteral("Trained model, training rows"));
        QTRY_VERIFY(plot.yAxis->range().contains(plot.trainGraph()->data()->constBegin()->value));
        plot.setFit({1e9, 1e9, 1e9});
        QTRY_VERIFY2(plot.yAxis->range().size() < 10.0, qPrintable(QString::number(plot.yAxis->range().size())));

        // The export is this view: the training rows' colour is in the image.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fit.png"));
        plot.setFit(cf->params, true);
        QString error;
        QVERIFY2(plot.exportTo(path, &error, QSize(640, 480)), qPrintable(error));
        QImage image;
        QVERIFY(image.loadFromData(readAll(path), "PNG"));
        int trainPixels = 0;
        for (int yPix = 0; yPix < image.height(); ++yPix)
            for (int xPix = 0; xPix < image.width(); ++xPix)
                trainPixels += image.pixelColor(xPix, yPix).rgb() == plotColor(0).rgb();
        QVERIFY2(trainPixels > 100, qPrintable(QString::number(trainPixels)));

        // Large sets are shown thinned to an even stride, as the one-feature points are.
        ExperimentConfig large = config;
        large.dataset.generator.n = 12'000;
        const ExperimentData many = load(large);
        plot.setData(large, many);
        plot.setFit({0.5, -1.0, 2.0}, true);
        QCOMPARE(plot.trainGraph()->dataCount(), 4'800); // 9,600 training rows, every 2nd
        QVERIFY2(plot.trainGraph()->name().startsWith(QLatin1String("Trained model, training rows (every 2th of")),
                 qPrintable(plot.trainGraph()->name()));
        QCOMPARE(plot.validationGraph()->dataCount(), 2'400);

        // One feature again: the data and the curves, as before.
        const ExperimentConfig tutorial = ExperimentConfig::tutorial();
        plot.setData(tutorial, load(tutorial));
        QVERIFY(!plot.showsPredictions());
        QCOMPARE(plot.xAxis->label(), QStringLiteral("x"));
        QCOMPARE(plot.yAxis->label(), QStringLiteral("y"));
        QCOMPARE(plot.trainGraph()->name(), QStringLiteral("Training data"));
        QCOMPARE(plot.trainGraph()->dataCount(), 80);
        QCOMPARE(plot.diagonalGraph()->dataCount(), 0);
        QVERIFY(!plot.legend->hasItemWithPlottable(plot.diagonalGraph()));
        plot.setClosedForm(closedForm());
        QCOMPARE(plot.closedFormGraph()->lineStyle(), QCPGraph::lsLine);
        QCOMPARE(plot.closedFormGraph()->scatterStyle().shape(), QCPScatterStyle::ssNone);

        // A name with a newline or a tab (a quoted CSV header) labels its axis on one line.
        ExperimentData named = load(tutorial);
        named.all.featureNames = {"x\nfeet"};
        named.all.targetName = "y\tm";
        plot.setData(tutorial, named);
        QCOMPARE(plot.xAxis->label(), QStringLiteral("x\\nfeet"));
        QCOMPARE(plot.yAxis->label(), QStringLiteral("y\\tm"));
    }

    void lossLogScaleDropsNonPositiveValues()
    {
        LossPlot plot;
        QSignalSpy spy(&plot, &LossPlot::logScaleChanged);
        plot.beginLive(QStringLiteral("Run 1"));
        const double nan = std::nan("");
        plot.appendEpochs({record(1, 1.0, 2.0), record(2, 0.5, 1.0), record(3, 0.0, 0.5)});
        plot.appendEpochs({record(4, -0.1, 0.0), record(5, 0.25, 0.3), record(6, nan, 0.2)});
        QCOMPARE(plot.liveTrainGraph()->dataCount(), 5);
        QCOMPARE(plot.liveValidationGraph()->dataCount(), 6);
        QVERIFY(!plot.logScale());

        plot.setLogScale(true);
        QVERIFY(plot.logScale());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot.liveTrainGraph()->dataCount(), 3);
        QCOMPARE(plot.liveValidationGraph()->dataCount(), 5);
        QVERIFY(plot.yAxis->range().lower > 0);
        // Epochs that arrive on the log scale are filtered too.
        plot.appendEpochs({record(7, -1.0, 0.1)});
        QCOMPARE(plot.liveTrainGraph()->dataCount(), 3);
        QCOMPARE(plot.liveValidationGraph()->dataCount(), 6);

        plot.setLogScale(false);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(plot.liveTrainGraph()->dataCount(), 6);
        QCOMPARE(plot.liveValidationGraph()->dataCount(), 7);
        plot.setLogScale(false);
        QCOMPARE(spy.count(), 2);

        plot.clearLive();
        QCOMPARE(plot.liveTrainGraph()->dataCount(), 0);
    }

    void lossLogAxisLabelsShareOneNotation()
    {
        LossPlot plot;
        plot.resize(500, 700);
        plot.beginLive(QStringLiteral("Run 1"));
        // A diverging run: losses from 1e-4 up to 1e12.
        std::vector<EpochRecord> records;
        for (int e = 0; e <= 16; ++e)
            records.push_back(record(e + 1, std::pow(10.0, e - 4), std::pow(10.0, e - 3.5)));
        plot.appendEpochs(records);
        plot.setLogScale(true);
        plot.replot();
        const auto labels = [&] {
            plot.replot();
            return plot.yAxis->tickVectorLabels();
        };
        const auto exponents = [](const QVector<QString>& ls) {
            return std::count_if(ls.begin(), ls.end(), [](const QString& l) { return l.contains(QLatin1Char('e')); });
        };
        QVector<QString> ls = labels();
        QVERIFY2(ls.size() >= 3, qPrintable(QStringList(ls.begin(), ls.end()).join(u' ')));
        // Every label a power of ten ("1e+05", drawn as 10^5), none plain ("100000").
        QVERIFY2(exponents(ls) == ls.size(), qPrintable(QStringList(ls.begin(), ls.end()).join(u' ')));
        for (const QString& l : ls)
            QVERIFY2(l.startsWith(QLatin1String("1e")), qPrintable(l));
        QVERIFY(plot.yAxis->numberFormat().contains(QLatin1Char('b')));

        // Zoomed to 0.01..1000, every label is a plain number.
        plot.yAxis->setRange(0.01, 1000.0);
        ls = labels();
        QVERIFY(ls.size() >= 3);
        QVERIFY2(exponents(ls) == 0, qPrintable(QStringList(ls.begin(), ls.end()).join(u' ')));
        QVERIFY(ls.contains(QStringLiteral("0.01")) && ls.contains(QStringLiteral("1000")));

        // Back to linear: the axis's own format again.
        plot.setLogScale(false);
        QCOMPARE(plot.yAxis->numberFormat(), QStringLiteral("gb"));
    }

    void lossOverlaysTheShownRuns()
    {
        std::vector<RunRecord> runs(3);
        for (std::size_t r = 0; r < runs.size(); ++r) {
            runs[r].config.optimizer.lr = 0.1 * static_cast<double>(r + 1);
            for (qint64 e = 1; e <= 50; ++e)
                runs[r].history.push_back(record(e, 1.0 / static_cast<double>(e + static_cast<qint64>(r)), 1.2 / static_cast<double>(e)));
        }
        runs[2].config.optimizer.type = OptimizerConfig::Type::Adam;
        LossPlot plot;
        plot.setRuns(runs, {0, 2});
        const auto name = [&](int i) {
            auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i));
            return item ? item->plottable()->name() : QString();
        };
        // Training (solid) and validation (dashed) of each run, each named: a finished run's
        // legend tells the two curves apart as the live run's does.
        QCOMPARE(plot.legend->itemCount(), 4);
        QCOMPARE(name(0), QStringLiteral("Run 1 — SGD lr 0.1 — training"));
        QCOMPARE(name(1), QStringLiteral("Run 1 — SGD lr 0.1 — validation"));
        QCOMPARE(name(2), QStringLiteral("Run 3 — Adam lr 0.3 — training"));
        QCOMPARE(name(3), QStringLiteral("Run 3 — Adam lr 0.3 — validation"));
        const auto pen = [&](int i) { return qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i))->plottable()->pen(); };
        QCOMPARE(pen(0).style(), Qt::SolidLine);
        QCOMPARE(pen(1).style(), Qt::DashLine);
        QCOMPARE(pen(0).color(), pen(1).color());
        QCOMPARE(plot.graphCount(), 2 + 4);
        // What each loss is, on the plot: before the epoch's update, or after it.
        QVERIFY2(plot.toolTip().contains(QLatin1String("before that step's update")), qPrintable(plot.toolTip()));
        QVERIFY(plot.toolTip().contains(QLatin1String("Validation loss: computed after the epoch's update")));

        // A run without zero_grad (the tutorial's section 2.3) is told apart from the others.
        runs[2].config.training.zeroGrad = false;
        plot.setRuns(runs, {0, 2});
        QCOMPARE(name(2), QStringLiteral("Run 3 — Adam lr 0.3, gradients not zeroed — training"));
        QCOMPARE(name(0), QStringLiteral("Run 1 — SGD lr 0.1 — training"));

        plot.beginLive(QStringLiteral("Current"));
        QCOMPARE(plot.legend->itemCount(), 6);
        plot.setRuns(runs, {1, 7, -1});
        QCOMPARE(plot.legend->itemCount(), 4);
        plot.clearLive();
        plot.setRuns(runs, {});
        QCOMPARE(plot.legend->itemCount(), 0);
    }

    // As many runs as the list overlays, each in a colour of its own, none in the live run's two,
    // whatever their numbers (runs 1 and 8, 6 and 13 once collided).
    void lossOverlaidRunsHaveTheirOwnColours()
    {
        std::vector<RunRecord> runs(14);
        for (std::size_t r = 0; r < runs.size(); ++r)
            for (qint64 e = 1; e <= 20; ++e)
                runs[r].history.push_back(record(e, 1.0 / static_cast<double>(e), 1.2 / static_cast<double>(e)));
        LossPlot plot;
        plot.beginLive(QStringLiteral("Current"));
        const QColor liveTrain = plot.liveTrainGraph()->pen().color(), liveVal = plot.liveValidationGraph()->pen().color();
        for (const QList<int>& shown : {QList<int> {0, 1, 2, 3, 4, 5, 6, 7}, QList<int> {0, 5, 6, 7, 8, 11, 12, 13}}) {
            QCOMPARE(shown.size(), RunList::kMaxSelected);
            plot.setRuns(runs, shown);
            QCOMPARE(plot.graphCount(), 2 + 2 * shown.size());
            QSet<QRgb> colors;
            for (int g = 0; g < plot.graphCount(); ++g) {
                QCPGraph* graph = plot.graph(g);
                if (graph == plot.liveTrainGraph() || graph == plot.liveValidationGraph())
                    continue;
                const QColor c = graph->pen().color();
                QVERIFY2(c != liveTrain && c != liveVal, qPrintable(graph->name()));
                // Training solid, validation dashed, in the run's colour.
                if (graph->pen().style() == Qt::SolidLine)
                    colors.insert(c.rgb());
                else
                    QVERIFY(colors.contains(c.rgb()));
            }
            QCOMPARE(colors.size(), shown.size());
        }
    }

    // One Step is one epoch: its point is drawn as a marker, as are the few points of a short run;
    // a long curve is a line only.
    void lossMarksTheFirstEpochs()
    {
        LossPlot plot;
        plot.beginLive(QStringLiteral("This run"));
        plot.appendEpochs({record(1, 2.7474866, 1.3556089)});
        for (QCPGraph* g : {plot.liveTrainGraph(), plot.liveValidationGraph()}) {
            QCOMPARE(g->dataCount(), 1);
            QCOMPARE(g->scatterStyle().shape(), QCPScatterStyle::ssDisc);
            QCOMPARE(g->scatterStyle().pen().color(), g->pen().color());
        }
        std::vector<EpochRecord> more;
        for (qint64 e = 2; e <= 40; ++e)
            more.push_back(record(e, 1.0 / static_cast<double>(e), 1.1 / static_cast<double>(e)));
        plot.appendEpochs(more);
        QCOMPARE(plot.liveTrainGraph()->scatterStyle().shape(), QCPScatterStyle::ssNone);

        // A recorded run of three epochs: its points are marked too.
        std::vector<RunRecord> runs(1);
        runs[0].history = {record(1, 2.7474866, 1.3556089), record(2, 1.6097925, 0.7677263), record(3, 0.9653074, 0.4429222)};
        plot.setRuns(runs, {0});
        QCPGraph* runTrain = qobject_cast<QCPGraph*>(qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(2))->plottable());
        QVERIFY(runTrain);
        QCOMPARE(runTrain->dataCount(), 3);
        QCOMPARE(runTrain->scatterStyle().shape(), QCPScatterStyle::ssDisc);
    }

    // The QA's three-epoch run on a log axis: the validation curve ends at 0.44, below 1, and
    // the axis labels that part of the range too; a narrow range still has two labels at least.
    void lossLogAxisLabelsTheWholeRange()
    {
        LossPlot plot;
        plot.resize(800, 600);
        plot.beginLive(QStringLiteral("This run"));
        plot.appendEpochs({record(1, 2.7474866, 1.3556089), record(2, 1.6097925, 0.7677263), record(3, 0.9653074, 0.4429222)});
        plot.setLogScale(true);
        const auto labelled = [&] {
            plot.replot();
            QVector<double> in;
            const QCPRange r = plot.yAxis->range();
            for (const double t : plot.yAxis->tickVector())
                if (t >= r.lower && t <= r.upper)
                    in << t;
            return in;
        };
        const auto show = [&] {
            const QVector<QString> labels = plot.yAxis->tickVectorLabels();
            return QStringList(labels.begin(), labels.end()).join(u' ');
        };
        QVector<double> ticks = labelled();
        QCOMPARE(plot.yAxis->tickVectorLabels().size(), plot.yAxis->tickVector().size());
        QVERIFY2(std::any_of(ticks.begin(), ticks.end(), [](double t) { return t >= 0.4429222 && t < 1.0; }), qPrintable(show()));
        QVERIFY2(std::any_of(ticks.begin(), ticks.end(), [](double t) { return t > 1.0 && t <= 2.7474866; }), qPrintable(show()));
        QVERIFY2(plot.yAxis->tickVectorLabels().contains(QStringLiteral("0.5")), qPrintable(show()));

        // Zoomed in to less than a factor of two, and to within a few percent.
        for (const QCPRange& r : {QCPRange(1.01, 1.9), QCPRange(0.97, 1.03), QCPRange(2.1e-5, 4.7e-5)}) {
            plot.yAxis->setRange(r);
            ticks = labelled();
            QVERIFY2(ticks.size() >= 2, qPrintable(QStringLiteral("%1..%2: %3").arg(r.lower).arg(r.upper).arg(show())));
            const QVector<QString> labels = plot.yAxis->tickVectorLabels();
            QVERIFY2(QSet<QString>(labels.begin(), labels.end()).size() == labels.size(), qPrintable(show()));
        }
    }

    // The trajectories start where the model did: epoch 0 holds the initial values (PyTorch's,
    // seed 42), and one Step gives two marked points.
    void parametersStartAtTheInitialValues()
    {
        const QJsonObject torchInit = expected().value(QStringLiteral("torch_init_seed42")).toObject();
        const std::vector<double> init{torchInit.value(QStringLiteral("a")).toDouble(), torchInit.value(QStringLiteral("b")).toDouble()};
        ParameterPlot plot;
        plot.setParameters({QStringLiteral("a"), QStringLiteral("b")}, closedForm());
        plot.setInitial(init);
        for (int p = 0; p < 2; ++p) {
            QCOMPARE(plot.parameterGraph(p)->dataCount(), 1);
            QCOMPARE(plot.parameterGraph(p)->data()->at(0)->key, 0.0);
            QCOMPARE(plot.parameterGraph(p)->data()->at(0)->value, init[static_cast<std::size_t>(p)]);
            QCOMPARE(plot.parameterGraph(p)->scatterStyle().shape(), QCPScatterStyle::ssDisc);
        }
        // After one Step (the tutorial's first update, a = 0.648, b = 0.310).
        plot.setHistory({record(1, 2.7474866, 1.3556089, {0.64794004, 0.310373724})});
        QCOMPARE(plot.parameterGraph(0)->dataCount(), 2);
        QCOMPARE(plot.parameterGraph(0)->data()->at(0)->key, 0.0);
        QCOMPARE(plot.parameterGraph(0)->data()->at(0)->value, init[0]);
        QCOMPARE(plot.parameterGraph(0)->data()->at(1)->key, 1.0);
        QCOMPARE(plot.parameterGraph(1)->data()->at(1)->value, 0.310373724);
        // The view holds the initial values.
        plot.resetView();
        QVERIFY(plot.yAxis->range().contains(init[1]));

        std::vector<EpochRecord> more;
        for (qint64 e = 2; e <= 40; ++e)
            more.push_back(record(e, 0.1, 0.1, {1.0, 2.0}));
        plot.appendEpochs(more);
        QCOMPARE(plot.parameterGraph(0)->dataCount(), 41);
        QCOMPARE(plot.parameterGraph(0)->scatterStyle().shape(), QCPScatterStyle::ssNone);
        // Reset: the initial values stay, the epochs go.
        plot.setHistory({});
        QCOMPARE(plot.parameterGraph(0)->dataCount(), 1);
        // Another model: no initial values until they are given.
        plot.setParameters({QStringLiteral("w"), QStringLiteral("b")}, {});
        QCOMPARE(plot.parameterGraph(0)->dataCount(), 0);
    }

    // The data plot's y range holds the model's line: PyTorch's initial a and b (seed 42) give
    // y 0.34..0.47, below the tutorial's points; a diverged line does not squeeze the points.
    void dataFitHoldsTheModelsLine()
    {
        const ExperimentConfig config = ExperimentConfig::tutorial();
        const ExperimentData data = load(config);
        const QJsonObject torchInit = expected().value(QStringLiteral("torch_init_seed42")).toObject();
        const double a = torchInit.value(QStringLiteral("a")).toDouble(), b = torchInit.value(QStringLiteral("b")).toDouble();
        DataFitPlot plot;
        plot.resize(800, 600);
        plot.setData(config, data);
        const auto [yMin, yMax] = std::minmax_element(data.all.y.begin(), data.all.y.end());
        const auto holdsLine = [&](double la, double lb) {
            const QCPRange x = plot.xAxis->range(), y = plot.yAxis->range();
            return y.contains(la + lb * x.lower) && y.contains(la + lb * x.upper);
        };
        QVERIFY(!holdsLine(a, b)); // the points alone: the line lies below them
        plot.setFit({a, b}, false);
        QTRY_VERIFY2(holdsLine(a, b), qPrintable(QStringLiteral("y %1..%2").arg(plot.yAxis->range().lower).arg(plot.yAxis->range().upper)));
        QVERIFY(plot.yAxis->range().contains(*yMin) && plot.yAxis->range().contains(*yMax));
        QCOMPARE(plot.fitGraph()->name(), QStringLiteral("Initial parameters"));

        // A run: the line after the first epoch, then one below the initial one; the view grows
        // to hold each and keeps the earlier ones.
        plot.setFit({a, b}, true);
        plot.setFit({0.64794004, 0.310373724});
        plot.setFit({-0.5, 0.2});
        QTRY_VERIFY(holdsLine(-0.5, 0.2));
        QVERIFY(holdsLine(a, b));

        // A diverged line (or one that is not finite) leaves the data's range.
        for (const std::vector<double>& wild : {std::vector<double>{1e12, -1e13}, std::vector<double>{std::nan(""), 1.0}}) {
            plot.setFit(wild, true);
            QTRY_VERIFY2(plot.yAxis->range().lower > 0.5, qPrintable(QString::number(plot.yAxis->range().lower)));
            QVERIFY(plot.yAxis->range().contains(*yMin) && plot.yAxis->range().contains(*yMax));
            QVERIFY(plot.yAxis->range().size() < 1.2 * (*yMax - *yMin));
        }
    }

    void parametersWithTheirClosedForm()
    {
        ParameterPlot plot;
        plot.setParameters({QStringLiteral("a"), QStringLiteral("b")}, closedForm());
        QCOMPARE(plot.shownParameters(), 2);
        QCOMPARE(plot.closedFormLines(), 2);
        std::vector<EpochRecord> history;
        for (qint64 e = 1; e <= 30; ++e)
            history.push_back(record(e, 0.1, 0.1, {0.1 * static_cast<double>(e), -0.05 * static_cast<double>(e)}));
        plot.setHistory(history);
        QCOMPARE(plot.parameterGraph(0)->dataCount(), 30);
        QCOMPARE(plot.parameterGraph(1)->dataCount(), 30);
        plot.appendEpochs({record(31, 0.1, 0.1, {3.1, -1.55})});
        QCOMPARE(plot.parameterGraph(1)->dataCount(), 31);
        QCOMPARE(plot.parameterGraph(1)->data()->at(30)->value, -1.55);
        plot.setHistory({});
        QCOMPARE(plot.parameterGraph(0)->dataCount(), 0);

        // An MLP's 25 values: the first 12, and no closed form whose size does not match.
        QStringList many;
        for (int i = 0; i < 25; ++i)
            many << QStringLiteral("p%1").arg(i);
        plot.setParameters(many, {1.0, 2.0});
        QCOMPARE(plot.shownParameters(), ParameterPlot::kMaxShown);
        QCOMPARE(plot.closedFormLines(), 0);
        plot.appendEpochs({record(1, 0.1, 0.1, std::vector<double>(25, 0.5))});
        QCOMPARE(plot.parameterGraph(11)->dataCount(), 1);
    }

    void exportsEveryFormat_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("svg") << QStringLiteral("svg");
        QTest::newRow("pdf") << QStringLiteral("pdf");
    }

    void exportsEveryFormat()
    {
        QFETCH(QString, suffix);
        const ExperimentConfig config = ExperimentConfig::tutorial();
        DataFitPlot plot;
        plot.setData(config, load(config));
        plot.setFit(closedForm());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plot.") + suffix);
        QString error;
        QVERIFY2(plot.exportTo(path, &error, QSize(640, 480)), qPrintable(error));
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 1000);
        if (suffix == QLatin1String("png")) {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), QSize(640, 480) * gradlab::widgets::kPngScale); // twice the pixels, for slides
        } else if (suffix == QLatin1String("svg")) {
            QXmlStreamReader xml(bytes);
            bool root = false;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && !root) {
                    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
                    root = true;
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY(root);
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
        }
    }

    void exportRefusesOtherFormats()
    {
        LossPlot plot;
        plot.appendEpochs({record(1, 1.0, 1.0), record(2, 0.5, 0.6)});
        QTemporaryDir dir;
        for (const QString& name : {QStringLiteral("plot.bmp"), QStringLiteral("plot")}) {
            const QString path = dir.filePath(name);
            QString error;
            QVERIFY(!plot.exportTo(path, &error));
            QVERIFY(!error.isEmpty());
            QVERIFY(!QFileInfo::exists(path));
        }
        // The widget's own size when none is given.
        plot.resize(300, 200);
        QString error;
        QVERIFY2(plot.exportTo(dir.filePath(QStringLiteral("loss.png")), &error), qPrintable(error));
        QImage image(dir.filePath(QStringLiteral("loss.png")));
        QCOMPARE(image.size(), QSize(300, 200) * gradlab::widgets::kPngScale);
    }

    void viewFollowsDataUntilTheUserMovesIt()
    {
        LossPlot plot;
        plot.appendEpochs({record(1, 1.0, 1.0)});
        QVERIFY(plot.followsData());
        plot.xAxis->setRange(5, 10); // as a drag or the wheel would
        QVERIFY(!plot.followsData());
        plot.resetView();
        QVERIFY(plot.followsData());
        QCOMPARE(plot.xAxis->range().lower, 0.0);
    }

    void contextMenuOffersResetExportAndLogScale()
    {
        LossPlot plot;
        QSignalSpy spy(&plot, &LossPlot::logScaleChanged);
        std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
        QStringList texts;
        QAction* log = nullptr;
        for (QAction* a : menu->actions()) {
            texts << a->text();
            if (a->text() == QLatin1String("Log scale"))
                log = a;
        }
        QVERIFY2(texts.contains(QStringLiteral("Reset view")), qPrintable(texts.join(u',')));
        QVERIFY(texts.contains(QStringLiteral("Export as PNG, SVG or PDF…")));
        QVERIFY(log && log->isCheckable() && !log->isChecked());
        log->trigger();
        QVERIFY(plot.logScale());
        QCOMPARE(spy.count(), 1);
        // The other plots have no log scale.
        std::unique_ptr<QMenu> other(ParameterPlot().createContextMenu(nullptr));
        for (QAction* a : other->actions())
            QVERIFY(a->text() != QLatin1String("Log scale"));
    }

    // A keyboard user reaches the plot with Tab and does what the mouse does: zoom, pan, reset,
    // the log scale, and the context menu from the Menu key.
    void keysZoomPanResetAndToggleTheLogScale()
    {
        LossPlot plot;
        QVERIFY(plot.focusPolicy() & Qt::TabFocus);
        plot.resize(400, 300);
        plot.appendEpochs({record(1, 1.0, 1.0), record(100, 0.5, 0.4)});
        plot.resetView();
        const QCPRange x0 = plot.xAxis->range();
        QTest::keyClick(&plot, Qt::Key_Plus, Qt::ShiftModifier); // "+" is Shift+= on many keyboards
        QVERIFY(!plot.followsData());
        QVERIFY(std::abs(plot.xAxis->range().size() - 0.8 * x0.size()) < 1e-9 * x0.size());
        QVERIFY(std::abs(plot.xAxis->range().center() - x0.center()) < 1e-9 * x0.size());
        QTest::keyClick(&plot, Qt::Key_Minus);
        QVERIFY(std::abs(plot.xAxis->range().size() - x0.size()) < 1e-9 * x0.size());
        QTest::keyClick(&plot, Qt::Key_Right);
        QVERIFY(std::abs(plot.xAxis->range().lower - (x0.lower + 0.1 * x0.size())) < 1e-9 * x0.size());
        QTest::keyClick(&plot, Qt::Key_R);
        QVERIFY(plot.followsData());
        QCOMPARE(plot.xAxis->range().lower, x0.lower);
        QCOMPARE(plot.xAxis->range().upper, x0.upper);
        QTest::keyClick(&plot, Qt::Key_Left);
        QVERIFY(!plot.followsData());
        QTest::keyClick(&plot, Qt::Key_Home);
        QVERIFY(plot.followsData());

        QVERIFY(!plot.logScale());
        QTest::keyClick(&plot, Qt::Key_L);
        QVERIFY(plot.logScale());
        QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
        QTest::keyClick(&plot, Qt::Key_L);
        QVERIFY(!plot.logScale());

        // The menu shows the keys.
        std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
        QStringList keys;
        for (QAction* a : menu->actions())
            keys << a->shortcut().toString();
        QVERIFY2(keys.contains(QStringLiteral("R")) && keys.contains(QStringLiteral("L")) && keys.contains(QStringLiteral("+")),
                 qPrintable(keys.join(u',')));
    }

    void menuKeyOpensTheContextMenuOverThePlot()
    {
        ParameterPlot plot;
        plot.resize(400, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        // The Menu key's event carries no mouse position worth using.
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(0, 0), plot.mapToGlobal(QPoint(0, 0)));
        QApplication::sendEvent(&plot, &event);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->pos(), plot.mapToGlobal(plot.axisRect()->rect().center()));
        menu->close();
    }

    void doubleClickResetsTheView()
    {
        LossPlot plot;
        plot.resize(400, 300);
        plot.appendEpochs({record(1, 1.0, 1.0), record(100, 0.5, 0.4)});
        plot.xAxis->setRange(40, 50);
        QVERIFY(!plot.followsData());
        QTest::mouseDClick(&plot, Qt::LeftButton, {}, QPoint(200, 150));
        QVERIFY(plot.followsData());
        QCOMPARE(plot.xAxis->range().lower, 0.0);
        QVERIFY(plot.xAxis->range().upper >= 100.0);
    }

    void landscapeForTheTutorial()
    {
        const ExperimentConfig config = ExperimentConfig::tutorial();
        const ExperimentData data = load(config);
        LandscapePlot plot;
        plot.setProblem(config, data, closedForm());
        QVERIFY2(plot.available(), qPrintable(plot.unavailableReason()));
        QVERIFY(plot.message().isEmpty());
        const Landscape& land = *plot.landscape();
        // The path from the tutorial's initial values (NumPy's and PyTorch's) to the optimum.
        const QJsonObject torchInit = expected().value(QStringLiteral("torch_init_seed42")).toObject();
        for (const auto& [a, b] : {std::pair{0.4967, -0.1383}, std::pair{torchInit.value(QStringLiteral("a")).toDouble(),
                                                                          torchInit.value(QStringLiteral("b")).toDouble()},
                                   std::pair{1.02, 1.97}}) {
            QVERIFY(land.aAxis.front() < a && a < land.aAxis.back());
            QVERIFY(land.bAxis.front() < b && b < land.bAxis.back());
        }
        QCOMPARE(plot.xAxis->label(), QStringLiteral("a"));
        QCOMPARE(plot.yAxis->label(), QStringLiteral("b"));
        // Before any epoch the current parameters are the initial ones, marked.
        QCOMPARE(plot.currentGraph()->dataCount(), 1);
        QVERIFY(std::abs(plot.currentGraph()->data()->at(0)->key - torchInit.value(QStringLiteral("a")).toDouble()) < 1e-7);
        QVERIFY(std::abs(plot.currentGraph()->data()->at(0)->value - torchInit.value(QStringLiteral("b")).toDouble()) < 1e-7);

        plot.setPath({record(1, 1, 1, {0.34, 0.13}), record(2, 1, 1, {0.5, 0.6}), record(3, 1, 1, {0.7, 1.0})});
        // From the model's initial values (PyTorch's, seed 42) through every epoch.
        QCOMPARE(plot.pathPoints(), 4);
        const auto first = plot.pathCurve()->data()->constBegin();
        QVERIFY(std::abs(first->key - torchInit.value(QStringLiteral("a")).toDouble()) < 1e-7);
        QVERIFY(std::abs(first->value - torchInit.value(QStringLiteral("b")).toDouble()) < 1e-7);
        plot.appendPath({record(4, 1, 1, {0.8, 1.2})});
        QCOMPARE(plot.pathPoints(), 5);
        QCOMPARE(plot.currentGraph()->data()->at(0)->key, 0.8);
        // Step Batch: steps from the path's end, dashed; a parameter edited by hand between them
        // breaks the line (a NaN point) and it goes on from there (review 13: it was drawn as a step).
        plot.appendStep({0.82, 1.25});
        QCOMPARE(plot.stepPoints(), 2);
        plot.jumpTo({1.5, 1.25});
        QCOMPARE(plot.stepPoints(), 4);
        QVERIFY(std::isnan((plot.stepsCurve()->data()->constBegin() + 2)->key));
        QCOMPARE(plot.currentGraph()->data()->at(0)->key, 1.5);
        plot.appendStep({1.45, 1.3});
        QCOMPARE(plot.stepPoints(), 5);
        QCOMPARE(plot.currentGraph()->data()->at(0)->key, 1.45);
        // The epoch done: its point joins the path and the steps give way.
        plot.appendPath({record(5, 1, 1, {1.4, 1.35})});
        QCOMPARE(plot.stepPoints(), 0);
        // Reset: back at the initial values.
        plot.setPath({});
        QCOMPARE(plot.currentGraph()->dataCount(), 1);
        QVERIFY(std::abs(plot.currentGraph()->data()->at(0)->key - torchInit.value(QStringLiteral("a")).toDouble()) < 1e-7);
    }

    void landscapeNeedsTwoParameters()
    {
        ExperimentConfig config;
        config.model.type = ModelConfig::Type::Mlp;
        LandscapePlot plot;
        plot.setProblem(config, load(config), {0.0, 0.0});
        QVERIFY(!plot.available());
        QVERIFY(plot.unavailableReason().contains(QLatin1String("25")));
        QVERIFY(plot.message().contains(plot.unavailableReason()));
        // An available landscape after it clears the note.
        plot.setProblem(ExperimentConfig::tutorial(), load(ExperimentConfig::tutorial()), closedForm());
        QVERIFY(plot.available());
        QVERIFY(plot.message().isEmpty());
    }

    void aMillionEpochsStayCheap()
    {
        const ExperimentConfig config = ExperimentConfig::tutorial();
        LossPlot loss;
        ParameterPlot params;
        LandscapePlot landscape;
        for (PlotView* p : std::initializer_list<PlotView*>{&loss, &params, &landscape})
            p->resize(800, 600);
        params.setParameters({QStringLiteral("a"), QStringLiteral("b")}, closedForm());
        landscape.setProblem(config, load(config), closedForm());
        constexpr qint64 kEpochs = 1'000'000, kChunk = 20'000;
        std::vector<EpochRecord> chunk;
        for (qint64 start = 1; start <= kEpochs; start += kChunk) {
            chunk.clear();
            for (qint64 e = start; e < start + kChunk; ++e) {
                const double t = static_cast<double>(e) / kEpochs;
                chunk.push_back(record(e, 1.0 / static_cast<double>(e), 1.1 / static_cast<double>(e), {0.34 + 0.68 * t, 0.13 + 1.84 * t}));
            }
            loss.appendEpochs(chunk);
            params.appendEpochs(chunk);
            landscape.appendPath(chunk);
        }
        QCOMPARE(loss.liveTrainGraph()->dataCount(), int(kEpochs));
        QVERIFY(landscape.pathPoints() <= int(LandscapePlot::kMaxPathPoints) + 2);
        QVERIFY(landscape.pathPoints() > int(LandscapePlot::kMaxPathPoints) / 2);
        // The path ends at the latest parameters.
        const auto last = std::prev(landscape.pathCurve()->data()->constEnd());
        QVERIFY(std::abs(last->key - (0.34 + 0.68)) < 1e-12);
        QVERIFY(std::abs(last->value - (0.13 + 1.84)) < 1e-12);
        QElapsedTimer timer;
        timer.start();
        for (PlotView* p : std::initializer_list<PlotView*>{&loss, &params, &landscape})
            p->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    }
};

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"
