#include "results_view.h"

#include "display_names.h"
#include "experiment/exports.h"
#include "parameter_table_model.h"
#include "table_copy.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradlab::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kNone = QStringLiteral("—");

QString number(double v)
{
    return ParameterTableModel::number(v);
}

QString shortNumber(double v)
{
    return ParameterTableModel::shortNumber(v);
}

template <typename Table>
Table* makeTable(QWidget* parent, const QString& name)
{
    auto* t = new Table(parent);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setTabKeyNavigation(false); // Tab leaves the table (no keyboard trap); arrows move between cells
    t->setSelectionMode(QAbstractItemView::ContiguousSelection);
    // Columns fit their numbers (fitColumns); the last one takes what room is left.
    t->horizontalHeader()->setStretchLastSection(true);
    // Rows share one height: sizing each to its contents costs a text layout per row per change,
    // which an MLP's thousand parameters turn into seconds.
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->setAlternatingRowColors(true);
    enableTableCopy(t);
    return t;
}

// R² of the trained parameters on the training rows, as the run recorded it; for a run saved
// before it was recorded, from its losses: with the MSE loss, SSE ∝ the loss and SST ∝ the closed
// form's loss / (1 − R²) on the same rows.
double trainedR2(const experiment::RunRecord& run)
{
    if (std::isfinite(run.trainR2))
        return run.trainR2;
    if (!run.closedForm || run.config.loss.type != experiment::LossConfig::Type::Mse)
        return kNaN;
    const double cf = run.closedForm->trainLoss;
    const double r2 = run.closedForm->r2;
    if (!(cf > 0.0) || !(r2 < 1.0))
        return kNaN;
    return 1.0 - run.trainLoss * (1.0 - r2) / cf;
}

} // namespace

ResultsView::ResultsView(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), model_(new ParameterTableModel(this)),
      parameters_(makeTable<QTableView>(this, QStringLiteral("parameters"))),
      summary_(makeTable<QTableWidget>(this, QStringLiteral("summary"))), notes_(new QLabel(this))
{
    parameters_->setModel(model_);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setWordWrap(true);
    notes_->setWordWrap(true);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(parameters_, 1);
    layout->addWidget(summary_, 1);
    layout->addWidget(notes_);
    connect(model_, &ParameterTableModel::valueEdited, this, &ResultsView::onValueEdited);
    connect(model_, &ParameterTableModel::editRefused, this, &ResultsView::onEditRefused);
    clear(tr("Train a model to see its parameters beside the closed-form solution."));
}

void ResultsView::fitColumns()
{
    // The text margins of an item view cell (QCommonStyle) and the grid line.
    const int margin = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, parameters_) + 1) + 1;
    // The rows are formatted only when shown, so measure the longest text a number can have, not
    // the numbers: digits can differ in width, so with the widest one. Fractional widths: the text
    // is laid out unrounded, and a rounded-down width elides it.
    const QFontMetricsF metrics(parameters_->font());
    QChar digit = QLatin1Char('0');
    for (char16_t d = u'1'; d <= u'9'; ++d)
        if (metrics.horizontalAdvance(QChar(d)) > metrics.horizontalAdvance(digit))
            digit = QChar(d);
    QHeaderView* header = parameters_->horizontalHeader();
    for (int c = 0; c < model_->columnCount(); ++c) {
        const auto text = static_cast<int>(
            std::ceil(metrics.horizontalAdvance(ParameterTableModel::longestNumber(model_->format(c), digit))));
        header->setSectionResizeMode(c, QHeaderView::Fixed);
        header->resizeSection(c, std::max(text + margin, header->sectionSizeHint(c)));
    }
    // A handful of rows: measuring them is cheap.
    summary_->resizeColumnsToContents();
}

void ResultsView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitColumns();
}

void ResultsView::setSummaryCell(int row, int column, const QString& text, double value)
{
    QTableWidgetItem* item = summary_->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        summary_->setItem(row, column, item);
    }
    item->setText(text);
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

void ResultsView::setRowToolTip(int row, const QString& tip, std::initializer_list<int> columns)
{
    if (QTableWidgetItem* header = summary_->verticalHeaderItem(row))
        header->setToolTip(tip);
    for (const int column : columns)
        if (QTableWidgetItem* item = summary_->item(row, column))
            item->setToolTip(tip);
}

// The results and the loss curve give different "train losses" after a short run: say which is which.
void ResultsView::explainFinalLosses(int trainRow, int valRow, std::initializer_list<int> columns)
{
    setRowToolTip(trainRow,
                  tr("The loss over the training rows at the final parameters, after the last update.\n"
                     "The loss curve's training loss is what each epoch's step returned, computed before that "
                     "epoch's update, so after a short run its last point is higher."),
                  columns);
    setRowToolTip(valRow, tr("The loss over the validation rows at the final parameters: the validation curve's last point."),
                  columns);
}

void ResultsView::setSummary(const QStringList& rows, const QStringList& headers)
{
    summary_->clearContents();
    summary_->setColumnCount(static_cast<int>(headers.size()));
    summary_->setHorizontalHeaderLabels(headers);
    summary_->setRowCount(static_cast<int>(rows.size()));
    summary_->setVerticalHeaderLabels(rows);
    // The header items are reused: no tooltip of another layout's row stays.
    for (int row = 0; row < summary_->rowCount(); ++row)
        if (QTableWidgetItem* header = summary_->verticalHeaderItem(row))
            header->setToolTip(QString());
}

void ResultsView::setEditable(bool editable)
{
    model_->setEditable(editable, editable ? tr("Double-click to change this value; Resume continues from it.")
                                           : QString());
    parameters_->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                          : QAbstractItemView::NoEditTriggers);
}

void ResultsView::clear(const QString& hint)
{
    mode_ = Mode::Empty;
    model_->clear();
    setEditable(false);
    summary_->clear();
    summary_->setRowCount(0);
    summary_->setColumnCount(0);
    fitColumns();
    title_->clear();
    notes_->setText(hint);
}

void ResultsView::showRun(const experiment::RunRecord& run, const QString& title)
{
    const QStringList names = experiment::flatParameterNames(run.layout);
    if (static_cast<std::size_t>(names.size()) != run.finalParams.size()
        || (run.closedForm && run.closedForm->params.size() != run.finalParams.size())) {
        clear(tr("This run's record does not match its model's parameters, so it cannot be shown."));
        return;
    }
    mode_ = Mode::Run;
    title_->setText(title);
    using Column = ParameterTableModel::Column;
    std::vector<Column> columns(3);
    columns[0] = {tr("Value"), run.finalParams, {}, ParameterTableModel::Format::Full};
    columns[1].header = tr("Closed form");
    columns[2] = {tr("Difference"), {}, {}, ParameterTableModel::Format::Short};
    if (run.closedForm) {
        columns[1].values = run.closedForm->params;
        columns[2].values.resize(run.finalParams.size());
        for (std::size_t i = 0; i < run.finalParams.size(); ++i)
            columns[2].values[i] = run.finalParams[i] - run.closedForm->params[i];
    } else {
        // No closed form: "—" in both columns.
        for (Column* c : {&columns[1], &columns[2]}) {
            c->values.assign(run.finalParams.size(), kNaN);
            c->present.assign(run.finalParams.size(), false);
        }
    }
    model_->setTable(names, std::move(columns));
    setEditable(false);

    setSummary({tr("Train loss"), tr("Validation loss"), tr("R² (training rows)"), tr("Epochs"), tr("Training time")},
               {tr("Trained"), tr("Closed form")});
    const auto& cf = run.closedForm;
    setSummaryCell(0, 0, number(run.trainLoss), run.trainLoss);
    setSummaryCell(1, 0, number(run.valLoss), run.valLoss);
    const double r2 = trainedR2(run);
    setSummaryCell(2, 0, std::isnan(r2) ? kNone : number(r2), r2);
    setSummaryCell(3, 0, QString::number(run.epochs), static_cast<double>(run.epochs));
    setSummaryCell(4, 0, tr("%1 s").arg(run.seconds, 0, 'f', 3), run.seconds);
    setSummaryCell(0, 1, cf ? number(cf->trainLoss) : kNone, cf ? cf->trainLoss : kNaN);
    setSummaryCell(1, 1, cf ? number(cf->valLoss) : kNone, cf ? cf->valLoss : kNaN);
    setSummaryCell(2, 1, cf ? number(cf->r2) : kNone, cf ? cf->r2 : kNaN);
    setSummaryCell(3, 1, kNone, kNaN);
    setSummaryCell(4, 1, kNone, kNaN);

    explainFinalLosses(0, 1, {0});
    QStringList notes;
    if (!cf)
        notes << tr("This model has no closed-form solution to compare with.");
    else if (const QString note = closedFormLossNote(run.config.loss); !note.isEmpty())
        notes << note;
    if (!run.message.isEmpty())
        notes << run.message;
    if (!run.events.isEmpty())
        notes << tr("Changed while paused: %1").arg(run.events.join(tr("; ", "between the changes made while paused")));
    fitColumns();
    notes_->setText(notes.join(QLatin1Char('\n')));
}

void ResultsView::compareRuns(const experiment::RunRecord& a, const experiment::RunRecord& b, const QString& titleA,
                              const QString& titleB)
{
    const QStringList namesA = experiment::flatParameterNames(a.layout);
    const QStringList namesB = experiment::flatParameterNames(b.layout);
    if (static_cast<std::size_t>(namesA.size()) != a.finalParams.size()
        || static_cast<std::size_t>(namesB.size()) != b.finalParams.size()) {
        clear(tr("A run's record does not match its model's parameters, so the runs cannot be compared."));
        return;
    }
    // Parameters matched by name (the first of a repeated name); one that only one run has shows
    // "—" for the other. Hashed: a linear search per name is quadratic in an MLP's size.
    auto indexOf = [](const QStringList& names) {
        QHash<QString, qsizetype> at;
        at.reserve(names.size());
        for (qsizetype i = 0; i < names.size(); ++i)
            if (!at.contains(names[i]))
                at.insert(names[i], i);
        return at;
    };
    const QHash<QString, qsizetype> atA = indexOf(namesA);
    const QHash<QString, qsizetype> atB = indexOf(namesB);
    QStringList names = namesA;
    QSet<QString> added;
    for (const QString& n : namesB)
        if (!atA.contains(n) && !added.contains(n)) {
            added.insert(n);
            names << n;
        }
    mode_ = Mode::Compare;
    title_->setText(tr("%1 compared with %2").arg(titleA, titleB));
    const QString difference = tr("Difference (A − B)");
    using Column = ParameterTableModel::Column;
    const auto rows = static_cast<std::size_t>(names.size());
    std::vector<Column> columns(3);
    columns[0].header = titleA;
    columns[1].header = titleB;
    columns[2] = {difference, {}, {}, ParameterTableModel::Format::Short};
    for (Column& c : columns) {
        c.values.assign(rows, kNaN);
        c.present.assign(rows, false);
    }
    for (std::size_t i = 0; i < rows; ++i) {
        const QString& name = names[static_cast<qsizetype>(i)];
        const auto ia = atA.constFind(name);
        const auto ib = atB.constFind(name);
        if (ia != atA.cend()) {
            columns[0].values[i] = a.finalParams[static_cast<std::size_t>(*ia)];
            columns[0].present[i] = true;
        }
        if (ib != atB.cend()) {
            columns[1].values[i] = b.finalParams[static_cast<std::size_t>(*ib)];
            columns[1].present[i] = true;
        }
        if (ia != atA.cend() && ib != atB.cend()) {
            columns[2].values[i] = columns[0].values[i] - columns[1].values[i];
            columns[2].present[i] = true;
        }
    }
    model_->setTable(names, std::move(columns));
    setEditable(false);

    setSummary({tr("Model"), tr("Optimizer"), tr("Train loss"), tr("Validation loss"), tr("R² (training rows)"),
                tr("Closed-form train loss"), tr("Epochs"), tr("Training time")},
               {titleA, titleB, difference});
    auto fill = [&](int column, const experiment::RunRecord& r) {
        setSummaryCell(0, column, modelName(r.config.model), kNaN);
        setSummaryCell(1, column, optimizerSummary(r.config), kNaN);
        setSummaryCell(2, column, number(r.trainLoss), r.trainLoss);
        setSummaryCell(3, column, number(r.valLoss), r.valLoss);
        const double r2 = trainedR2(r);
        setSummaryCell(4, column, std::isnan(r2) ? kNone : number(r2), r2);
        setSummaryCell(5, column, r.closedForm ? number(r.closedForm->trainLoss) : kNone,
                       r.closedForm ? r.closedForm->trainLoss : kNaN);
        setSummaryCell(6, column, QString::number(r.epochs), static_cast<double>(r.epochs));
        setSummaryCell(7, column, tr("%1 s").arg(r.seconds, 0, 'f', 3), r.seconds);
    };
    fill(0, a);
    fill(1, b);
    explainFinalLosses(2, 3, {0, 1});
    for (int row = 0; row < summary_->rowCount(); ++row) {
        const double da = summary_->item(row, 0)->data(Qt::UserRole).toDouble();
        const double db = summary_->item(row, 1)->data(Qt::UserRole).toDouble();
        const bool numeric = std::isfinite(da) && std::isfinite(db);
        setSummaryCell(row, 2, numeric ? shortNumber(da - db) : kNone, numeric ? da - db : kNaN);
    }

    QStringList notes;
    for (const auto& [r, t] : {std::pair{&a, &titleA}, std::pair{&b, &titleB}}) {
        if (!r->message.isEmpty())
            notes << tr("%1: %2").arg(*t, r->message);
        if (!r->events.isEmpty())
            notes << tr("%1, changed while paused: %2").arg(*t, r->events.join(QStringLiteral("; ")));
    }
    fitColumns();
    notes_->setText(notes.join(QLatin1Char('\n')));
}

void ResultsView::showLive(const QStringList& flatNames, const std::vector<double>& values, qint64 epoch,
                           double trainLoss, double valLoss, bool editable, qint64 batch, qint64 batches)
{
    if (static_cast<std::size_t>(flatNames.size()) != values.size()) {
        clear(tr("The run reported %1 values for %2 parameters.").arg(values.size()).arg(flatNames.size()));
        return;
    }
    // Keep the rows (and the scroll position and selection) while the same model keeps reporting:
    // only the values change.
    if (mode_ == Mode::Live && model_->columnCount() == 1 && model_->names() == flatNames) {
        model_->setValues(0, values);
    } else {
        model_->setTable(flatNames, {{tr("Value"), values, {}, ParameterTableModel::Format::Full}});
        setSummary({tr("Epochs done"), tr("Train loss"), tr("Validation loss")}, {tr("Current")});
    }
    mode_ = Mode::Live;
    setEditable(editable);
    title_->setText(!editable   ? tr("Training: epoch %1").arg(epoch)
                    : batch > 0 ? tr("Paused in epoch %1 after batch %2 of %3").arg(epoch + 1).arg(batch).arg(batches)
                                : tr("Paused at epoch %1").arg(epoch));
    setSummaryCell(0, 0, QString::number(epoch), static_cast<double>(epoch));
    // Before the first epoch is done (Step Batch, or a run started paused) there is no epoch loss.
    const QString none = QStringLiteral("—");
    setSummaryCell(1, 0, epoch > 0 ? number(trainLoss) : none, trainLoss);
    setSummaryCell(2, 0, epoch > 0 ? number(valLoss) : none, valLoss);
    setRowToolTip(1,
                  tr("The loss the last epoch's training step returned, computed before that step's update: the training "
                     "curve's last point. The results of a finished run give the loss at the final parameters."),
                  {0});
    setRowToolTip(2, tr("The loss over the validation rows after the last epoch's update: the validation curve's last point."), {0});
    fitColumns();
    notes_->setText(editable ? tr("Paused: double-click a value to change it by hand; Resume continues from there.")
                             : QString());
}

void ResultsView::onValueEdited(int row, double value)
{
    notes_->setText(tr("%1 set to %2; Resume continues from there.").arg(model_->names()[row], number(value)));
    emit parameterEdited(row, value);
}

void ResultsView::setDType(gradlab::DType dtype)
{
    model_->setDType(dtype);
}

void ResultsView::onEditRefused(int row, const QString& text, bool overflows)
{
    const QString name = model_->names()[row];
    const QString kept = number(model_->value(row, 0));
    if (overflows)
        notes_->setText(tr("“%1” is not a finite number in %2; %3 keeps its value %4.")
                            .arg(text, QString::fromStdString(gradlab::dtypeName(model_->dtype())), name, kept));
    else
        notes_->setText(tr("“%1” is not a finite number; %2 keeps its value %3.").arg(text, name, kept));
}

QString ResultsView::cellText(const QString& parameter, int column) const
{
    return model_->text(model_->rowOf(parameter), column);
}

double ResultsView::value(const QString& parameter) const
{
    return model_->value(model_->rowOf(parameter), 0);
}

} // namespace gradlab::widgets
