// The results views: a tutorial run's parameters beside the closed form (checked against the
// tutorial's PyTorch and sklearn numbers), editing a paused run's values, choosing runs to show
// or compare, and the step inspector's table; a 200,000-parameter model's live values.
#include "experiment/experiment_data.h"
#include "experiment/exports.h"
#include "experiment/project.h"
#include "experiment/step_inspection.h"
#include "experiment/trainer.h"
#include "widgets/results_view.h"
#include "widgets/run_list.h"
#include "widgets/step_inspector.h"

#include "tab_leaves.h"
#include "tutorial_fixture.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyle>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace gradlab;
using namespace gradlab::experiment;
using namespace gradlab::testing;
using namespace gradlab::widgets;

namespace {

// The tutorial's run, trained to the end and recorded as the application records it.
RunRecord tutorialRun()
{
    const ExperimentConfig c = ExperimentConfig::tutorial();
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    std::vector<EpochRecord> history;
    t.run({}, [&](const EpochRecord& r) { history.push_back(r); });
    return recordRun(t, history, d, QDateTime::currentDateTime(), 0.25);
}

double parse(const QString& text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? v : std::nan("");
}

// Scrolls to `index`, double-clicks it, types `text` into the editor that opens and presses Enter.
// False when no editor opened.
bool editCell(QTableView* table, const QModelIndex& index, const QString& text)
{
    table->scrollTo(index);
    const QPoint at = table->visualRect(index).center();
    // A double-click is a press and release followed by a second press that Qt reports as one.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QLineEdit* editor = nullptr;
    for (QLineEdit* e : table->viewport()->findChildren<QLineEdit*>())
        if (e->isVisible())
            editor = e;
    if (!editor)
        return false;
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits through a queued call
    return true;
}

QModelIndex cell(QTableView* table, int row, int column)
{
    return table->model()->index(row, column);
}

} // namespace

class TestResultsView : public QObject {
    Q_OBJECT

private slots:
    void tutorialRunBesideClosedForm();
    void comparingTwoRuns();
    void pausedValuesCanBeEdited();
    void runningValuesCannotBeEdited();
    void editedValueMustBeFiniteInTheRunsDType();
    void largeLiveModel();
    void numbersFitTheirColumns();
    void runListSelectsAtMostTwo();
    void stepInspectorShowsTheInspection();
    void stepInspectorWithoutFormula();
    void tabLeavesEveryTable();
};

void TestResultsView::tutorialRunBesideClosedForm()
{
    const QJsonObject e = expected();
    QVERIFY(!e.isEmpty());
    const RunRecord run = tutorialRun();
    ResultsView view;
    view.showRun(run, QStringLiteral("Run 1"));
    for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")}) {
        const double torch = e["torch_sgd_lr0.1_1000_epochs_mse_mean"][name].toDouble();
        const double sklearn = e["closed_form_train"][name].toDouble();
        QVERIFY2(std::abs(view.value(name) - torch) < 1e-5, qPrintable(name));
        QVERIFY(std::abs(parse(view.cellText(name, 0)) - torch) < 1e-5);
        QVERIFY(std::abs(parse(view.cellText(name, 0)) - view.value(name)) < 1e-8);
        QVERIFY2(std::abs(parse(view.cellText(name, 1)) - sklearn) < 1e-8 * std::abs(sklearn), qPrintable(view.cellText(name, 1)));
        QVERIFY(std::abs(parse(view.cellText(name, 2)) - (view.value(name) - sklearn)) < 1e-8);
    }
    auto* summary = view.findChild<QTableWidget*>(QStringLiteral("summary"));
    QVERIFY(summary);
    const double trainLoss = e["torch_sgd_lr0.1_1000_epochs_mse_mean"]["final_train_loss"].toDouble();
    const double valLoss = e["torch_sgd_lr0.1_1000_epochs_mse_mean"]["val_loss"].toDouble();
    QCOMPARE(summary->verticalHeaderItem(0)->text(), QStringLiteral("Train loss"));
    QVERIFY(std::abs(parse(summary->item(0, 0)->text()) - trainLoss) < 1e-6);
    QVERIFY(std::abs(parse(summary->item(1, 0)->text()) - valLoss) < 1e-6);
    QCOMPARE(summary->item(3, 0)->text(), QStringLiteral("1000"));
    // The trained fit is as good as the closed form's: the same R² to several digits.
    const double r2 = parse(summary->item(2, 1)->text());
    QVERIFY(r2 > 0.9 && r2 < 1.0);
    QVERIFY(std::abs(parse(summary->item(2, 0)->text()) - r2) < 1e-6);
    // The table's train loss is at the final parameters, the curve's before each update: said on
    // the row and on the number.
    for (const QString& tip : {summary->verticalHeaderItem(0)->toolTip(), summary->item(0, 0)->toolTip()}) {
        QVERIFY2(tip.contains(QLatin1String("at the final parameters")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("before that epoch's update")), qPrintable(tip));
    }
    QVERIFY(summary->item(1, 0)->toolTip().contains(QLatin1String("validation curve's last point")));
    QVERIFY(summary->verticalHeaderItem(2)->toolTip().isEmpty()); // R²

    // Without a closed form: the value, and "—" beside it.
    RunRecord noClosedForm = run;
    noClosedForm.closedForm.reset();
    view.showRun(noClosedForm, QStringLiteral("Run 2"));
    QCOMPARE(view.value(QStringLiteral("b")), run.finalParams[1]);
    QCOMPARE(view.cellText(QStringLiteral("b"), 1), QStringLiteral("—"));
    QCOMPARE(view.cellText(QStringLiteral("b"), 2), QStringLiteral("—"));
    QCOMPARE(summary->item(0, 1)->text(), QStringLiteral("—"));

    view.clear(QStringLiteral("nothing"));
    QVERIFY(view.cellText(QStringLiteral("a"), 0).isEmpty());
    QVERIFY(std::isnan(view.value(QStringLiteral("a"))));
}

void TestResultsView::comparingTwoRuns()
{
    RunRecord a = tutorialRun();
    RunRecord b = a;
    b.finalParams = {0.5, 1.5};
    b.events = {QStringLiteral("epoch 120: optimizer.lr = 0.05")};
    ResultsView view;
    view.compareRuns(a, b, QStringLiteral("Run 1"), QStringLiteral("Run 2"));
    QVERIFY(std::abs(parse(view.cellText(QStringLiteral("a"), 0)) - a.finalParams[0]) < 1e-8);
    QCOMPARE(view.cellText(QStringLiteral("b"), 1), QStringLiteral("1.5"));
    QVERIFY(std::abs(parse(view.cellText(QStringLiteral("b"), 2)) - (a.finalParams[1] - 1.5)) < 1e-3);
    auto* params = view.findChild<QTableView*>(QStringLiteral("parameters"));
    QVERIFY(params);
    QCOMPARE(params->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Run 1"));
    QCOMPARE(params->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Run 2"));

    // A parameter only one run has: "—" for the other and for the difference.
    RunRecord c = b;
    c.layout.push_back({QStringLiteral("c"), 1});
    c.finalParams.push_back(4.0);
    view.compareRuns(a, c, QStringLiteral("Run 1"), QStringLiteral("Run 3"));
    QCOMPARE(params->model()->rowCount(), 3);
    QCOMPARE(params->model()->headerData(2, Qt::Vertical).toString(), QStringLiteral("c"));
    QCOMPARE(view.cellText(QStringLiteral("c"), 0), QStringLiteral("—"));
    QCOMPARE(view.cellText(QStringLiteral("c"), 1), QStringLiteral("4"));
    QCOMPARE(view.cellText(QStringLiteral("c"), 2), QStringLiteral("—"));
    QVERIFY(std::isnan(view.value(QStringLiteral("c"))));
}

void TestResultsView::pausedValuesCanBeEdited()
{
    ResultsView view;
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showLive({QStringLiteral("a"), QStringLiteral("b")}, {0.5, 1.5}, 10, 0.1, 0.2, true);
    QCOMPARE(view.cellText(QStringLiteral("b"), 0), QStringLiteral("1.5"));
    QSignalSpy spy(&view, &ResultsView::parameterEdited);
    auto* table = view.findChild<QTableView*>(QStringLiteral("parameters"));
    QVERIFY(table);
    QVERIFY(editCell(table, cell(table, 1, 0), QStringLiteral("2.25")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(0).at(1).toDouble(), 2.25);
    QCOMPARE(view.value(QStringLiteral("b")), 2.25);

    // Not a number: nothing is emitted and the value stays.
    QTest::qWait(50);
    QVERIFY(editCell(table, cell(table, 0, 0), QStringLiteral("abc")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.value(QStringLiteral("a")), 0.5);
    QCOMPARE(view.cellText(QStringLiteral("a"), 0), QStringLiteral("0.5"));
}

void TestResultsView::editedValueMustBeFiniteInTheRunsDType()
{
    ResultsView view;
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showLive({QStringLiteral("a"), QStringLiteral("b")}, {0.5, 1.5}, 10, 0.1, 0.2, true);
    QSignalSpy spy(&view, &ResultsView::parameterEdited);
    auto* table = view.findChild<QTableView*>(QStringLiteral("parameters"));
    const auto notes = [&view] {
        QStringList texts;
        for (const QLabel* l : view.findChildren<QLabel*>())
            texts << l->text();
        return texts.join(QLatin1Char('\n'));
    };

    // float32 (the default) holds no 1e39: Python's struct.pack('f', 1e39) gives inf.
    QVERIFY(editCell(table, cell(table, 1, 0), QStringLiteral("1e39")));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(view.value(QStringLiteral("b")), 1.5);
    QVERIFY2(notes().contains(QStringLiteral("“1e39” is not a finite number in float32; b keeps its value 1.5")),
             qPrintable(notes()));
    // 3.4028236e38 rounds to inf in float32, 3.40282356e38 to FLT_MAX (struct.pack('f', …) again).
    QTest::qWait(50);
    QVERIFY(editCell(table, cell(table, 1, 0), QStringLiteral("3.4028236e38")));
    QCOMPARE(spy.count(), 0);
    QTest::qWait(50);
    QVERIFY(editCell(table, cell(table, 1, 0), QStringLiteral("3.40282356e38")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.value(QStringLiteral("b")), 3.40282356e38);

    // A float64 run holds it.
    view.setDType(DType::Float64);
    QTest::qWait(50);
    QVERIFY(editCell(table, cell(table, 0, 0), QStringLiteral("1e39")));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(view.value(QStringLiteral("a")), 1e39);
}

void TestResultsView::runningValuesCannotBeEdited()
{
    ResultsView view;
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showLive({QStringLiteral("a"), QStringLiteral("b")}, {0.5, 1.5}, 10, 0.1, 0.2, false);
    QSignalSpy spy(&view, &ResultsView::parameterEdited);
    auto* table = view.findChild<QTableView*>(QStringLiteral("parameters"));
    QVERIFY(table);
    QVERIFY(!editCell(table, cell(table, 1, 0), QStringLiteral("2.25")));
    QVERIFY(!(table->model()->flags(cell(table, 1, 0)) & Qt::ItemIsEditable));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(view.value(QStringLiteral("b")), 1.5);

    QVERIFY(table->model()->data(cell(table, 1, 0), Qt::ToolTipRole).toString().isEmpty());
    // Live, the train loss is the one the last step returned, before its update, as on the curve.
    auto* summary = view.findChild<QTableWidget*>(QStringLiteral("summary"));
    QVERIFY(summary);
    QCOMPARE(summary->verticalHeaderItem(1)->text(), QStringLiteral("Train loss"));
    QVERIFY2(summary->item(1, 0)->toolTip().contains(QLatin1String("before that step's update")), qPrintable(summary->item(1, 0)->toolTip()));
    QVERIFY(summary->verticalHeaderItem(2)->toolTip().contains(QLatin1String("after the last epoch's update")));
    QVERIFY(summary->verticalHeaderItem(0)->toolTip().isEmpty()); // the epoch

    // Paused, then running again: the next update takes editing away.
    view.showLive({QStringLiteral("a"), QStringLiteral("b")}, {0.5, 1.5}, 11, 0.1, 0.2, true);
    QVERIFY(table->model()->flags(cell(table, 1, 0)) & Qt::ItemIsEditable);
    QVERIFY(!table->model()->data(cell(table, 1, 0), Qt::ToolTipRole).toString().isEmpty());
    view.showLive({QStringLiteral("a"), QStringLiteral("b")}, {0.6, 1.4}, 12, 0.1, 0.2, false);
    QVERIFY(!editCell(table, cell(table, 0, 0), QStringLiteral("7")));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(view.value(QStringLiteral("a")), 0.6);

    // A finished run after the live values: its rows say what they are, none keeps a live row's tip.
    view.showRun(tutorialRun(), QStringLiteral("Run 1"));
    QCOMPARE(summary->verticalHeaderItem(2)->text(), QStringLiteral("R² (training rows)"));
    QVERIFY2(summary->verticalHeaderItem(2)->toolTip().isEmpty(), qPrintable(summary->verticalHeaderItem(2)->toolTip()));
    QVERIFY(summary->verticalHeaderItem(0)->toolTip().contains(QLatin1String("at the final parameters")));
}

// An MLP's worth of parameters: every row is there, a live update changes the values in place
// (same rows, same scroll position), and a row far down can be edited while paused.
void TestResultsView::largeLiveModel()
{
    constexpr int n = 200000;
    QStringList names;
    names.reserve(n);
    std::vector<double> first(n), second(n);
    for (int i = 0; i < n; ++i) {
        names << QStringLiteral("layer%1.weight[%2]").arg(i / 50000).arg(i % 50000);
        first[static_cast<std::size_t>(i)] = (i % 1000) * 0.25 - 100.0; // exact in binary, few digits
        second[static_cast<std::size_t>(i)] = -(i % 777) * 0.125;
    }
    ResultsView view;
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showLive(names, first, 1, 0.5, 0.6, false);
    auto* table = view.findChild<QTableView*>(QStringLiteral("parameters"));
    QVERIFY(table);
    QAbstractItemModel* model = table->model();
    QCOMPARE(model->rowCount(), n);
    QCOMPARE(model->columnCount(), 1);
    const int samples[] = {0, 1, 49999, 50000, 123457, 150000, 199999};
    auto check = [&](const std::vector<double>& values) {
        for (int row : samples) {
            const double v = values[static_cast<std::size_t>(row)];
            const QString& name = names[row];
            if (model->headerData(row, Qt::Vertical).toString() != name)
                return false;
            if (view.value(name) != v || parse(view.cellText(name, 0)) != v
                || model->data(cell(table, row, 0)).toString() != view.cellText(name, 0))
                return false;
        }
        return true;
    };
    QCOMPARE(names[150000], QStringLiteral("layer3.weight[0]"));
    QCOMPARE(view.cellText(QStringLiteral("layer3.weight[0]"), 0), QStringLiteral("-100"));
    QCOMPARE(view.cellText(QStringLiteral("layer2.weight[23457]"), 0), QStringLiteral("14.25"));
    QVERIFY(check(first));

    table->scrollTo(cell(table, 150000, 0), QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    const int scroll = table->verticalScrollBar()->value();
    QVERIFY(scroll > 0);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    view.showLive(names, second, 2, 0.4, 0.5, false);
    QCoreApplication::processEvents();
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() > 0);
    QCOMPARE(model->rowCount(), n);
    QCOMPARE(table->verticalScrollBar()->value(), scroll);
    QCOMPARE(view.cellText(QStringLiteral("layer2.weight[23457]"), 0), QStringLiteral("-86.375")); // 123457 % 777 = 691
    QVERIFY(check(second));
    // The visible rows show the new values.
    const QModelIndex top = table->indexAt(QPoint(1, 1));
    QCOMPARE(top.row(), 150000);
    QCOMPARE(parse(model->data(top).toString()), second[150000]);

    // Paused: editing row 150,000 hands its flat index and the new value on.
    view.showLive(names, second, 3, 0.4, 0.5, true);
    QCOMPARE(reset.count(), 0);
    QSignalSpy edited(&view, &ResultsView::parameterEdited);
    QVERIFY(editCell(table, cell(table, 150000, 0), QStringLiteral("0.0625")));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).toInt(), 150000);
    QCOMPARE(edited.at(0).at(1).toDouble(), 0.0625);
    QCOMPARE(view.value(QStringLiteral("layer3.weight[0]")), 0.0625);
    QCOMPARE(view.value(QStringLiteral("layer3.weight[1]")), second[150001]);
    QCOMPARE(model->rowCount(), n);
}

// The first cell of `table` in the rows on screen whose text does not fit its column (and so is
// cut), or nothing.
QString firstCutCell(const QTableView* table)
{
    // Unrounded, as the cell lays its text out: 111.3 px of text is elided in 111 px.
    const QFontMetricsF metrics(table->font());
    // The text margins of a cell (QCommonStyle) and the grid line.
    const int margin = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1) + 1;
    const QAbstractItemModel* model = table->model();
    const int first = table->rowAt(0);
    int last = table->rowAt(table->viewport()->height() - 1);
    if (last < 0)
        last = model->rowCount() - 1;
    if (first < 0 || model->columnCount() == 0)
        return QStringLiteral("no rows on screen");
    for (int row = first; row <= last; ++row)
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString text = model->data(model->index(row, c)).toString();
            if (metrics.horizontalAdvance(text) > table->columnWidth(c) - margin)
                return QStringLiteral("row %1 column %2: %3 (%4 px) in %5 px")
                    .arg(row)
                    .arg(c)
                    .arg(text)
                    .arg(metrics.horizontalAdvance(text), 0, 'f', 1)
                    .arg(table->columnWidth(c));
        }
    return {};
}

void TestResultsView::numbersFitTheirColumns()
{
    // An MLP's worth of parameters with the longest numbers 9 significant digits give
    // ("-0.312867123", "-4.69825123e-150"), with and without a closed form.
    RunRecord run = tutorialRun();
    run.config.model.type = ModelConfig::Type::Mlp;
    run.layout = {{QStringLiteral("0.weight"), 50000}, {QStringLiteral("0.bias"), 50000}};
    run.finalParams.resize(100000);
    for (std::size_t i = 0; i < run.finalParams.size(); ++i) {
        const double mantissa = -(1.0 + 0.123456789 * static_cast<double>(i % 7 + 1));
        run.finalParams[i] = i % 3 == 0 ? mantissa * 0.25 : mantissa * std::pow(10.0, -100.0 - static_cast<double>(i % 200));
    }
    run.closedForm.reset();
    run.trainLoss = -1.23456789e-150;
    run.valLoss = 8.88888888e+300;

    ResultsView view;
    view.resize(420, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* table = view.findChild<QTableView*>(QStringLiteral("parameters"));
    auto* summary = view.findChild<QTableWidget*>(QStringLiteral("summary"));
    QVERIFY(table && summary);
    const auto check = [&] {
        QCoreApplication::processEvents();
        const QString cut = firstCutCell(table);
        if (!cut.isEmpty())
            return cut;
        return firstCutCell(summary);
    };
    view.showRun(run, QStringLiteral("Run 1"));
    QCOMPARE(table->model()->rowCount(), 100000);
    QCOMPARE(view.cellText(QStringLiteral("0.weight[1]"), 0), QStringLiteral("-1.24691358e-101"));
    QCOMPARE(check(), QString());
    table->scrollTo(table->model()->index(76543, 0), QAbstractItemView::PositionAtTop);
    QCOMPARE(check(), QString());

    // With a closed form: its values and the differences fit too.
    run.closedForm = ClosedFormComparison{};
    run.closedForm->params.assign(run.finalParams.size(), 0.0);
    for (std::size_t i = 0; i < run.finalParams.size(); ++i)
        run.closedForm->params[i] = -run.finalParams[(i + 1) % run.finalParams.size()];
    run.closedForm->trainLoss = -2.34567891e-200;
    view.showRun(run, QStringLiteral("Run 2"));
    QCOMPARE(check(), QString());
    view.compareRuns(run, run, QStringLiteral("Run 1"), QStringLiteral("Run 2"));
    QCOMPARE(check(), QString());
    // A paused run's live values.
    view.showLive(experiment::flatParameterNames(run.layout), run.finalParams, 7, -1.5e-300, 2.5e-300, true);
    QCOMPARE(check(), QString());
}

void TestResultsView::runListSelectsAtMostTwo()
{
    RunRecord finished = tutorialRun();
    RunRecord stopped = finished;
    stopped.epochs = 400;
    stopped.config.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
    RunRecord diverged = finished;
    diverged.diverged = true;
    diverged.message = QStringLiteral("The loss became NaN");
    RunList list;
    list.resize(800, 300);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    list.setRuns({finished, stopped, diverged});
    auto* tree = list.findChild<QTreeWidget*>(QStringLiteral("runs"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("1"));
    QCOMPARE(tree->topLevelItem(0)->text(7), QStringLiteral("finished"));
    QCOMPARE(tree->topLevelItem(1)->text(7), QStringLiteral("stopped"));
    QCOMPARE(tree->topLevelItem(2)->text(7), QStringLiteral("diverged"));
    // The names the settings form shows, not the JSON names (scalar_linear, adam).
    QCOMPARE(tree->topLevelItem(0)->text(2), QStringLiteral("a + b·x"));
    QVERIFY2(tree->topLevelItem(1)->text(3).startsWith(QStringLiteral("Adam, lr ")), qPrintable(tree->topLevelItem(1)->text(3)));
    QCOMPARE(tree->topLevelItem(1)->text(4), QStringLiteral("400"));

    QSignalSpy spy(&list, &RunList::selectionChanged);
    auto click = [&](int row, Qt::KeyboardModifiers mods) {
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, mods, tree->visualItemRect(tree->topLevelItem(row)).center());
    };
    click(0, {});
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>({0}));
    click(2, Qt::ControlModifier);
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>({0, 2}));
    QCOMPARE(list.selectedRuns(), QList<int>({0, 2}));
    // A third is added (a lab compares SGD, SGD with another learning rate and Adam)...
    click(1, Qt::ControlModifier);
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>({0, 1, 2}));
    QCOMPARE(tree->selectedItems().size(), 3);

    list.selectRuns({2, 0, 1});
    QCOMPARE(list.selectedRuns(), QList<int>({0, 1, 2}));
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>({0, 1, 2}));
    // ...and one beyond the most that are overlaid drops the oldest.
    std::vector<RunRecord> many(static_cast<std::size_t>(RunList::kMaxSelected) + 1, finished);
    list.setRuns(many);
    for (int row = 0; row <= RunList::kMaxSelected; ++row)
        click(row, row == 0 ? Qt::NoModifier : Qt::ControlModifier);
    QCOMPARE(list.selectedRuns().size(), RunList::kMaxSelected);
    QVERIFY(!tree->topLevelItem(0)->isSelected());
    QVERIFY(tree->topLevelItem(RunList::kMaxSelected)->isSelected());
    list.setRuns({finished, stopped, diverged});
    list.selectRuns({0, 2});
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>({0, 2}));
    // Fewer runs: the selection that no longer exists goes.
    list.setRuns({finished});
    QCOMPARE(list.selectedRuns(), QList<int>({0}));
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>({0}));

    QSignalSpy removed(&list, &RunList::removeRequested);
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toInt(), 0);
}

void TestResultsView::stepInspectorShowsTheInspection()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.frozen = {QStringLiteral("a")};
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    t.step();
    const StepInspection s = inspectStep(t.lastStep(), c, d.train, {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}});
    StepInspector inspector;
    inspector.setInspection(s);
    QCOMPARE(inspector.cellText(0, 0), QStringLiteral("a"));
    QCOMPARE(inspector.cellText(1, 0), QStringLiteral("b"));
    QCOMPARE(inspector.cellText(0, 2), QStringLiteral("—")); // frozen: no autograd gradient
    QCOMPARE(inspector.cellText(0, 5), QStringLiteral("0"));
    for (int row = 0; row < 2; ++row) {
        const auto i = static_cast<std::size_t>(row);
        QVERIFY(std::abs(parse(inspector.cellText(row, 1)) - s.before[i]) <= 1e-8 * std::abs(s.before[i]));
        QVERIFY(std::abs(parse(inspector.cellText(row, 3)) - s.formula[i]) <= 1e-8 * std::abs(s.formula[i]));
        QVERIFY(std::abs(parse(inspector.cellText(row, 6)) - s.after[i]) <= 1e-8 * std::abs(s.after[i]));
    }
    // Gradient and update of b, at 9 significant digits.
    QVERIFY(std::abs(parse(inspector.cellText(1, 2)) - s.autograd[1]) <= 1e-8 * std::abs(s.autograd[1]));
    QVERIFY(std::abs(parse(inspector.cellText(1, 5)) - s.update[1]) <= 1e-8 * std::abs(s.update[1]));
    QVERIFY(std::abs(parse(inspector.cellText(1, 4)) - (s.autograd[1] - s.formula[1])) <= 1e-6);
    QVERIFY(inspector.cellText(2, 0).isEmpty());

    inspector.clear(QStringLiteral("Press Step"));
    QVERIFY(inspector.cellText(0, 0).isEmpty());
}

void TestResultsView::stepInspectorWithoutFormula()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.loss.type = LossConfig::Type::L1;
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    t.step();
    const StepInspection s = inspectStep(t.lastStep(), c, d.train, {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}});
    QVERIFY(!s.why.isEmpty());
    StepInspector inspector;
    inspector.setInspection(s);
    QVERIFY(std::abs(parse(inspector.cellText(0, 2)) - s.autograd[0]) <= 1e-8 * std::abs(s.autograd[0]));
    QCOMPARE(inspector.cellText(0, 3), QStringLiteral("—"));
    QCOMPARE(inspector.cellText(1, 4), QStringLiteral("—"));
}


// No keyboard trap: Tab goes on from each table to what follows it (arrows move between cells).
void TestResultsView::tabLeavesEveryTable()
{
    const RunRecord run = tutorialRun();
    for (const char* name : {"parameters", "summary"}) {
        QWidget window;
        auto* view = new ResultsView;
        view->showRun(run, QStringLiteral("Run 1"));
        gradlab::testing::verifyTabLeaves(window, view, view->findChild<QAbstractItemView*>(QLatin1String(name)));
        if (QTest::currentTestFailed())
            return;
    }
    {
        QWidget window;
        auto* list = new RunList;
        list->setRuns({run, run});
        gradlab::testing::verifyTabLeaves(window, list, list->findChild<QAbstractItemView*>(QStringLiteral("runs")));
        if (QTest::currentTestFailed())
            return;
    }
    ExperimentConfig c = ExperimentConfig::tutorial();
    const ExperimentData d = dataFor(c);
    Trainer t(c, d.train, d.val);
    t.step();
    QWidget window;
    auto* inspector = new StepInspector;
    inspector->setInspection(inspectStep(t.lastStep(), c, d.train, {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}}));
    gradlab::testing::verifyTabLeaves(window, inspector, inspector->findChild<QAbstractItemView*>(QStringLiteral("step")));
}

QTEST_MAIN(TestResultsView)
#include "tst_results_view.moc"
