#include "results_view.h"

#include "experiment/exports.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace gradlab::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kNone = QStringLiteral("—");

// Full precision for parameters and losses (a float32 value needs 9 digits to round-trip).
QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(v, 'g', 9);
}

QString shortNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 4) : number(v);
}

QTableWidget* makeTable(QWidget* parent, const QString& name)
{
    auto* t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::ContiguousSelection);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Rows share one height: sizing each to its contents costs a text layout per row per change,
    // which an MLP's thousand parameters turn into seconds.
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->setAlternatingRowColors(true);
    return t;
}

// R² of the trained parameters on the training rows, from the losses the run recorded: with the
// MSE loss, SSE ∝ the loss and SST ∝ the closed form's loss / (1 − R²) on the same rows.
double trainedR2(const experiment::RunRecord& run)
{
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
    : QWidget(parent), title_(new QLabel(this)), parameters_(makeTable(this, QStringLiteral("parameters"))),
      summary_(makeTable(this, QStringLiteral("summary"))), notes_(new QLabel(this))
{
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
    connect(parameters_, &QTableWidget::itemChanged, this, &ResultsView::onItemChanged);
    clear(tr("Train a model to see its parameters beside the closed-form solution."));
}

void ResultsView::setCell(QTableWidget* table, int row, int column, const QString& text, double value)
{
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    item->setText(text);
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

void ResultsView::setParameterRows(const QStringList& names, const QStringList& headers)
{
    parameters_->setColumnCount(static_cast<int>(headers.size()));
    parameters_->setHorizontalHeaderLabels(headers);
    parameters_->setRowCount(static_cast<int>(names.size()));
    parameters_->setVerticalHeaderLabels(names);
}

void ResultsView::setSummary(const QStringList& rows, const QStringList& headers)
{
    summary_->clearContents();
    summary_->setColumnCount(static_cast<int>(headers.size()));
    summary_->setHorizontalHeaderLabels(headers);
    summary_->setRowCount(static_cast<int>(rows.size()));
    summary_->setVerticalHeaderLabels(rows);
}

void ResultsView::clear(const QString& hint)
{
    const QSignalBlocker block(parameters_);
    mode_ = Mode::Empty;
    editable_ = false;
    parameters_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    parameters_->clear();
    parameters_->setRowCount(0);
    parameters_->setColumnCount(0);
    summary_->clear();
    summary_->setRowCount(0);
    summary_->setColumnCount(0);
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
    const QSignalBlocker block(parameters_);
    updating_ = true;
    mode_ = Mode::Run;
    editable_ = false;
    parameters_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    parameters_->clearContents();
    title_->setText(title);
    setParameterRows(names, {tr("Value"), tr("Closed form"), tr("Difference")});
    for (int i = 0; i < names.size(); ++i) {
        const double v = run.finalParams[static_cast<std::size_t>(i)];
        setCell(parameters_, i, 0, number(v), v);
        if (run.closedForm) {
            const double c = run.closedForm->params[static_cast<std::size_t>(i)];
            setCell(parameters_, i, 1, number(c), c);
            setCell(parameters_, i, 2, shortNumber(v - c), v - c);
        } else {
            setCell(parameters_, i, 1, kNone, kNaN);
            setCell(parameters_, i, 2, kNone, kNaN);
        }
    }

    setSummary({tr("Train loss"), tr("Validation loss"), tr("R² (training rows)"), tr("Epochs"), tr("Training time")},
               {tr("Trained"), tr("Closed form")});
    const auto& cf = run.closedForm;
    setCell(summary_, 0, 0, number(run.trainLoss), run.trainLoss);
    setCell(summary_, 1, 0, number(run.valLoss), run.valLoss);
    const double r2 = trainedR2(run);
    setCell(summary_, 2, 0, std::isnan(r2) ? kNone : number(r2), r2);
    setCell(summary_, 3, 0, QString::number(run.epochs), static_cast<double>(run.epochs));
    setCell(summary_, 4, 0, tr("%1 s").arg(run.seconds, 0, 'f', 3), run.seconds);
    setCell(summary_, 0, 1, cf ? number(cf->trainLoss) : kNone, cf ? cf->trainLoss : kNaN);
    setCell(summary_, 1, 1, cf ? number(cf->valLoss) : kNone, cf ? cf->valLoss : kNaN);
    setCell(summary_, 2, 1, cf ? number(cf->r2) : kNone, cf ? cf->r2 : kNaN);
    setCell(summary_, 3, 1, kNone, kNaN);
    setCell(summary_, 4, 1, kNone, kNaN);

    QStringList notes;
    if (!cf)
        notes << tr("This model has no closed-form solution to compare with.");
    if (!run.message.isEmpty())
        notes << run.message;
    if (!run.events.isEmpty())
        notes << tr("Changed while paused: %1").arg(run.events.join(QStringLiteral("; ")));
    notes_->setText(notes.join(QLatin1Char('\n')));
    updating_ = false;
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
    // Parameters matched by name; one that only one run has shows "—" for the other.
    QStringList names = namesA;
    for (const QString& n : namesB)
        if (!names.contains(n))
            names << n;
    const QSignalBlocker block(parameters_);
    updating_ = true;
    mode_ = Mode::Compare;
    editable_ = false;
    parameters_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    parameters_->clearContents();
    title_->setText(tr("%1 compared with %2").arg(titleA, titleB));
    const QString difference = tr("Difference (A − B)");
    setParameterRows(names, {titleA, titleB, difference});
    for (int i = 0; i < names.size(); ++i) {
        const qsizetype ia = namesA.indexOf(names[i]);
        const qsizetype ib = namesB.indexOf(names[i]);
        const double va = ia >= 0 ? a.finalParams[static_cast<std::size_t>(ia)] : kNaN;
        const double vb = ib >= 0 ? b.finalParams[static_cast<std::size_t>(ib)] : kNaN;
        setCell(parameters_, i, 0, ia >= 0 ? number(va) : kNone, va);
        setCell(parameters_, i, 1, ib >= 0 ? number(vb) : kNone, vb);
        const bool both = ia >= 0 && ib >= 0;
        setCell(parameters_, i, 2, both ? shortNumber(va - vb) : kNone, both ? va - vb : kNaN);
    }

    setSummary({tr("Model"), tr("Optimizer"), tr("Train loss"), tr("Validation loss"), tr("R² (training rows)"),
                tr("Closed-form train loss"), tr("Epochs"), tr("Training time")},
               {titleA, titleB, difference});
    auto fill = [&](int column, const experiment::RunRecord& r) {
        setCell(summary_, 0, column, experiment::jsonName(r.config.model.type), kNaN);
        setCell(summary_, 1, column,
                tr("%1, lr %2").arg(experiment::jsonName(r.config.optimizer.type)).arg(r.config.optimizer.lr), kNaN);
        setCell(summary_, 2, column, number(r.trainLoss), r.trainLoss);
        setCell(summary_, 3, column, number(r.valLoss), r.valLoss);
        const double r2 = trainedR2(r);
        setCell(summary_, 4, column, std::isnan(r2) ? kNone : number(r2), r2);
        setCell(summary_, 5, column, r.closedForm ? number(r.closedForm->trainLoss) : kNone,
                r.closedForm ? r.closedForm->trainLoss : kNaN);
        setCell(summary_, 6, column, QString::number(r.epochs), static_cast<double>(r.epochs));
        setCell(summary_, 7, column, tr("%1 s").arg(r.seconds, 0, 'f', 3), r.seconds);
    };
    fill(0, a);
    fill(1, b);
    for (int row = 0; row < summary_->rowCount(); ++row) {
        const double da = summary_->item(row, 0)->data(Qt::UserRole).toDouble();
        const double db = summary_->item(row, 1)->data(Qt::UserRole).toDouble();
        const bool numeric = std::isfinite(da) && std::isfinite(db);
        setCell(summary_, row, 2, numeric ? shortNumber(da - db) : kNone, numeric ? da - db : kNaN);
    }

    QStringList notes;
    for (const auto& [r, t] : {std::pair{&a, &titleA}, std::pair{&b, &titleB}}) {
        if (!r->message.isEmpty())
            notes << tr("%1: %2").arg(*t, r->message);
        if (!r->events.isEmpty())
            notes << tr("%1, changed while paused: %2").arg(*t, r->events.join(QStringLiteral("; ")));
    }
    notes_->setText(notes.join(QLatin1Char('\n')));
    updating_ = false;
}

void ResultsView::showLive(const QStringList& flatNames, const std::vector<double>& values, qint64 epoch,
                           double trainLoss, double valLoss, bool editable)
{
    if (static_cast<std::size_t>(flatNames.size()) != values.size()) {
        clear(tr("The run reported %1 values for %2 parameters.").arg(values.size()).arg(flatNames.size()));
        return;
    }
    const QSignalBlocker block(parameters_);
    updating_ = true;
    // Keep the rows (and the scroll position) while the same model keeps reporting.
    bool sameRows = mode_ == Mode::Live && parameters_->rowCount() == flatNames.size();
    for (int i = 0; sameRows && i < flatNames.size(); ++i)
        sameRows = parameters_->verticalHeaderItem(i) && parameters_->verticalHeaderItem(i)->text() == flatNames[i];
    if (!sameRows) {
        parameters_->clearContents();
        setParameterRows(flatNames, {tr("Value")});
        setSummary({tr("Epoch"), tr("Train loss"), tr("Validation loss")}, {tr("Current")});
    }
    mode_ = Mode::Live;
    editable_ = editable;
    title_->setText(editable ? tr("Paused at epoch %1").arg(epoch) : tr("Training: epoch %1").arg(epoch));
    for (int i = 0; i < flatNames.size(); ++i) {
        const double v = values[static_cast<std::size_t>(i)];
        setCell(parameters_, i, 0, number(v), v);
        if (editable) {
            QTableWidgetItem* item = parameters_->item(i, 0);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
            item->setToolTip(tr("Double-click to change this value; Resume continues from it."));
        } else {
            parameters_->item(i, 0)->setToolTip(QString());
        }
    }
    parameters_->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                          : QAbstractItemView::NoEditTriggers);
    setCell(summary_, 0, 0, QString::number(epoch), static_cast<double>(epoch));
    setCell(summary_, 1, 0, number(trainLoss), trainLoss);
    setCell(summary_, 2, 0, number(valLoss), valLoss);
    notes_->setText(editable ? tr("Paused: double-click a value to change it by hand; Resume continues from there.")
                             : QString());
    updating_ = false;
}

void ResultsView::onItemChanged(QTableWidgetItem* item)
{
    if (updating_ || mode_ != Mode::Live || item->column() != 0)
        return;
    const double old = item->data(Qt::UserRole).toDouble();
    if (!editable_) {
        // An editor opened while paused and committed after the run went on: the run's value stays.
        const QSignalBlocker block(parameters_);
        item->setText(number(old));
        return;
    }
    const QString text = item->text().trimmed();
    bool ok = false;
    // The user's locale first ("0,5" in German), then the C locale ("0.5", "1e-3") everywhere.
    double v = QLocale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    const QSignalBlocker block(parameters_);
    if (!ok || !std::isfinite(v)) {
        item->setText(number(old));
        notes_->setText(tr("“%1” is not a finite number; %2 keeps its value %3.")
                            .arg(text, parameters_->verticalHeaderItem(item->row())->text(), number(old)));
        return;
    }
    item->setData(Qt::UserRole, v);
    item->setText(number(v));
    notes_->setText(tr("%1 set to %2; Resume continues from there.")
                        .arg(parameters_->verticalHeaderItem(item->row())->text(), number(v)));
    emit parameterEdited(item->row(), v);
}

int ResultsView::rowOf(const QString& parameter) const
{
    for (int row = 0; row < parameters_->rowCount(); ++row) {
        const QTableWidgetItem* h = parameters_->verticalHeaderItem(row);
        if (h && h->text() == parameter)
            return row;
    }
    return -1;
}

QString ResultsView::cellText(const QString& parameter, int column) const
{
    const int row = rowOf(parameter);
    const QTableWidgetItem* item = row >= 0 ? parameters_->item(row, column) : nullptr;
    return item ? item->text() : QString();
}

double ResultsView::value(const QString& parameter) const
{
    const int row = rowOf(parameter);
    const QTableWidgetItem* item = row >= 0 ? parameters_->item(row, 0) : nullptr;
    return item ? item->data(Qt::UserRole).toDouble() : kNaN;
}

} // namespace gradlab::widgets
