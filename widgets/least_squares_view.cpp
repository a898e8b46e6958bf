#include "least_squares_view.h"

#include "display_names.h"
#include "plot_export.h"
#include "table_copy.h"

#include "data/dataset.h"
#include "experiment/messages.h"
#include "fit/least_squares.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradlab::widgets {
namespace {

const QString kNone = QStringLiteral("—");

// `v` to `digits` significant digits; "—" where it is not a number (no residual degrees of freedom).
QString number(double v, int digits)
{
    if (std::isnan(v))
        return kNone;
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(v, 'g', digits);
}

// A p-value: as number() shows it, but one that underflowed to 0 is below the smallest double,
// not nought.
QString pValueText(double p)
{
    if (p == 0.0)
        return QStringLiteral("< %1").arg(QString::number(std::numeric_limits<double>::min(), 'g', 2));
    return number(p, 4);
}

// A count (observations, degrees of freedom) with the locale's digit grouping.
QString countText(double v)
{
    if (!std::isfinite(v) || v != std::floor(v))
        return number(v, 12);
    return QLocale().toString(static_cast<qlonglong>(v));
}

// `text` with its first letter upper case: the fit's messages are clauses, written to follow a colon.
QString sentence(QString text)
{
    if (text.isEmpty())
        return text;
    text[0] = text[0].toUpper();
    if (!text.back().isPunct()) // "." or "。", whichever the language wrote
        text += QCoreApplication::translate("gradlab::widgets::LeastSquaresView", ".", "the end of a sentence");
    return text;
}

// A confidence level as a percentage: "95", "99.5", in the user's locale.
QString levelText(double level) { return QLocale().toString(level * 100.0, 'g', 6); }

// `fit` with its intervals at `level` and the covariance `type`: a copy only where either differs
// (the fit in the window keeps no residuals, so a copy is small). A robust type the fit cannot
// give (it has no sandwich) leaves the classical one, and `error` says why.
std::shared_ptr<const fit::FitResult> shownAt(const std::shared_ptr<const fit::FitResult>& fit, double level, fit::CovarianceType type,
                                              QString* error)
{
    if (!fit || (fit->confidenceLevel == level && fit->covarianceType == type))
        return fit;
    auto copy = std::make_shared<fit::FitResult>(*fit);
    try {
        fit::setCovarianceType(*copy, type);
    } catch (const std::exception& e) {
        *error = experiment::translated(e);
        fit::setCovarianceType(*copy, fit::CovarianceType::Classical);
    }
    fit::setConfidenceLevel(*copy, level);
    return copy;
}

// A robust covariance type's name as the tab shows it: "HC3".
QString covarianceName(fit::CovarianceType type) { return QString::fromLatin1(fit::covarianceTypeName(type)).toUpper(); }

QTableWidget* makeTable(QWidget* parent, const QString& name)
{
    auto* t = new QTableWidget(parent);
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    t->setSelectionMode(QAbstractItemView::ContiguousSelection);
    t->setAlternatingRowColors(true);
    // Columns as wide as their contents: a stretched column would set a number far from its label.
    t->horizontalHeader()->setStretchLastSection(false);
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    enableTableCopy(t);
    return t;
}

} // namespace

// ---- ResidualPlot ------------------------------------------------------------------------------

ResidualPlot::ResidualPlot(QWidget* parent) : PlotView(parent)
{
    setObjectName(QStringLiteral("residualPlot"));
    setExportTitle(tr("Residuals against fitted values"));
    xAxis->setLabel(tr("Fitted value ŷ"));
    yAxis->setLabel(tr("Residual y − ŷ"));
    points_ = addGraph();
    points_->setName(tr("Rows fitted"));
    points_->setLineStyle(QCPGraph::lsNone);
    points_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, plotColor(0), 5));
    points_->setAdaptiveSampling(true);
    // A small plot beside the tables: few ticks, so that their labels do not run into each other.
    xAxis->ticker()->setTickCount(4);
    yAxis->ticker()->setTickCount(4);
    zero_ = new QCPItemStraightLine(this);
    zero_->point1->setCoords(0.0, 0.0);
    zero_->point2->setCoords(1.0, 0.0);
    zero_->setPen(QPen(QColor(0, 0, 0), 1.2, Qt::DashLine));
    clear(QString());
}

void ResidualPlot::setResiduals(const std::vector<double>& fitted, const std::vector<double>& residuals)
{
    // The points are not in order of ŷ: a scatter, not a line.
    residuals_.clear();
    residuals_.reserve(static_cast<qsizetype>(fitted.size()));
    for (std::size_t i = 0; i < fitted.size() && i < residuals.size(); ++i)
        residuals_.push_back({fitted[i], residuals[i]});
    std::sort(residuals_.begin(), residuals_.end(), [](const QCPGraphData& a, const QCPGraphData& b) { return a.key < b.key; });
    cleared_ = false;
    display(kind_);
}

void ResidualPlot::setQQ(const fit::NormalQQ& qq)
{
    qq_.clear();
    qq_.reserve(static_cast<qsizetype>(qq.sample.size()));
    for (std::size_t i = 0; i < qq.sample.size() && i < qq.theoretical.size(); ++i)
        qq_.push_back({qq.theoretical[i], qq.sample[i]});
    slope_ = qq.slope;
    intercept_ = qq.intercept;
    qqUnavailable_.clear();
    cleared_ = false;
    display(kind_);
}

void ResidualPlot::setQQUnavailable(const QString& reason)
{
    qq_.clear();
    qqUnavailable_ = reason;
    cleared_ = false;
    display(kind_);
}

void ResidualPlot::setKind(Kind kind)
{
    kind_ = kind;
    if (!cleared_)
        display(kind);
}

void ResidualPlot::display(Kind kind)
{
    const bool qq = kind == NormalQQ;
    setExportTitle(qq ? tr("Normal Q–Q plot of the studentized residuals") : tr("Residuals against fitted values"));
    xAxis->setLabel(qq ? tr("Standard normal quantile") : tr("Fitted value ŷ"));
    yAxis->setLabel(qq ? tr("Studentized residual e / (σ̂ √(1 − h))") : tr("Residual y − ŷ"));
    points_->setName(qq ? tr("Order statistics") : tr("Rows fitted"));
    const QVector<QCPGraphData>& data = qq ? qq_ : residuals_;
    points_->data()->set(data, true);
    // Q–Q: scipy.stats.probplot's least-squares line through the points; else the zero line.
    zero_->point1->setCoords(0.0, qq ? intercept_ : 0.0);
    zero_->point2->setCoords(1.0, qq ? intercept_ + slope_ : 0.0);
    zero_->setVisible(!data.isEmpty());
    if (qq && !qqUnavailable_.isEmpty())
        setMessage(qqUnavailable_);
    else
        setMessage(data.isEmpty() ? tr("No residuals to show") : QString());
    resetView();
    dataChanged();
}

void ResidualPlot::clear(const QString& reason)
{
    residuals_.clear();
    qq_.clear();
    qqUnavailable_.clear();
    cleared_ = true;
    points_->data()->clear();
    zero_->setVisible(false);
    setMessage(reason);
    dataChanged();
}

int ResidualPlot::points() const { return points_->dataCount(); }

void ResidualPlot::fitView()
{
    // All points with a margin, so that the extreme ones are not cut by the frame; the zero line
    // always in view.
    bool found = false;
    QCPRange keys = points_->getKeyRange(found);
    if (!found) {
        rescaleAxes();
        return;
    }
    QCPRange values = points_->getValueRange(found);
    if (kind_ == ResidualsVsFitted)
        values.expand(0.0);
    const auto padded = [](QCPRange r) {
        const double pad = r.size() > 0 ? 0.05 * r.size() : std::max(1e-9, 0.05 * std::abs(r.center()));
        return QCPRange(r.lower - pad, r.upper + pad);
    };
    xAxis->setRange(padded(keys));
    yAxis->setRange(padded(values));
}

// ---- LeastSquaresView --------------------------------------------------------------------------

LeastSquaresView::LeastSquaresView(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), rows_(new QComboBox(this)), level_(new QDoubleSpinBox(this)), se_(new QComboBox(this)),
      plotKind_(new QComboBox(this)), coefficients_(makeTable(this, QStringLiteral("coefficients"))),
      statistics_(makeTable(this, QStringLiteral("statistics"))), notes_(new QLabel(this)), residuals_(new ResidualPlot(this)),
      predictAt_(new QLineEdit(this)), predictButton_(new QPushButton(tr("&Predict"), this)),
      clearPredictions_(new QPushButton(tr("C&lear"), this)), predictError_(new QLabel(this)),
      predictions_(makeTable(this, QStringLiteral("predictions")))
{
    setObjectName(QStringLiteral("leastSquares"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setWordWrap(true);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notes_->setWordWrap(true);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    coefficients_->setColumnCount(ColumnCount);
    const struct {
        Column column;
        QString header, tip;
    } headers[] = {
        {Term, tr("Term"), tr("The column of the design matrix: the intercept, a feature, or a power of x")},
        {Parameter, tr("Parameter"), tr("The model's parameter that this coefficient is the closed-form value of")},
        {Estimate, tr("Estimate"), tr("The least-squares coefficient: the value that minimises the sum of squared errors on the rows fitted")},
        {StdError, tr("Std. error"),
         tr("The estimate's standard error, √(σ̂² (XᵀX)⁻¹), with σ̂² the residual sum of squares over the residual degrees of freedom")},
        {TValue, tr("t"), tr("The estimate divided by its standard error")},
        {PValue, tr("p-value"),
         tr("Two-sided: the probability, were the coefficient 0, of a t at least this far from 0 (Student's t with the residual degrees of freedom)")},
        // The level is set with the fit (showLevel).
        {Lower, tr("Lower %1%").arg(levelText(kDefaultLevel)), QString()},
        {Upper, tr("Upper %1%").arg(levelText(kDefaultLevel)), QString()},
    };
    for (const auto& h : headers) {
        auto* item = new QTableWidgetItem(h.header);
        item->setToolTip(h.tip);
        coefficients_->setHorizontalHeaderItem(h.column, item);
    }
    coefficients_->verticalHeader()->hide();

    statistics_->setColumnCount(1);
    statistics_->setHorizontalHeaderLabels({tr("Value")});
    statistics_->setRowCount(StatisticCount);
    const struct {
        Statistic row;
        QString label, tip;
    } rows[] = {
        {Observations, tr("Observations"), tr("The rows the fit uses: the training rows, or all of them (Rows)")},
        {Rank, tr("Rank"), tr("The number of linearly independent columns of the design matrix, the intercept's included")},
        {DfResidual, tr("Residual degrees of freedom"), tr("Observations minus rank")},
        {RSquared, tr("R²"), tr("The share of the target's variance about its mean that the fit explains: 1 − RSS / TSS")},
        {AdjustedRSquared, tr("Adjusted R²"), tr("R² penalised for the number of coefficients: 1 − (1 − R²)(n − 1) / (n − rank)")},
        {ResidualStdError, tr("Residual standard error"), tr("σ̂ = √(RSS / residual degrees of freedom), the noise's estimated standard deviation")},
        {FStatistic, tr("F statistic"), tr("The fit against the intercept alone: every slope 0")},
        {FPValue, tr("p-value of F"), tr("The probability of an F this large were every slope 0")},
        {LogLikelihood, tr("Log-likelihood"), tr("Of the fit with Gaussian errors, as statsmodels and gretl report it")},
        {Aic, tr("AIC"), tr("Akaike's information criterion: −2 log-likelihood + 2 × rank")},
        {Bic, tr("BIC"), tr("Schwarz's Bayesian information criterion: −2 log-likelihood + log(n) × rank")},
        {Rss, tr("Residual sum of squares"), tr("Σ (y − ŷ)² over the rows fitted")},
        {DurbinWatson, tr("Durbin–Watson"),
         tr("Σ (eᵢ − eᵢ₋₁)² / Σ eᵢ² over the residuals in the order of the rows fitted: near 2 when successive residuals are "
            "uncorrelated, towards 0 when each follows the one before. The training rows are in the split's shuffled order, "
            "where it says nothing of serial correlation: choose All rows for the file's order")},
        {Omnibus, tr("Omnibus (K²)"),
         tr("D'Agostino and Pearson's test of the residuals' normality from their skew and kurtosis (scipy.stats.normaltest, as "
            "statsmodels prints it)")},
        {OmnibusPValue, tr("p-value of omnibus"), tr("The probability of a K² this large were the residuals normal (χ² with 2 degrees of freedom)")},
        {JarqueBera, tr("Jarque–Bera"), tr("n/6 · (S² + (K − 3)²/4), with S the skew and K the kurtosis: a test of the residuals' normality")},
        {JarqueBeraPValue, tr("p-value of Jarque–Bera"),
         tr("The probability of a Jarque–Bera statistic this large were the residuals normal (χ² with 2 degrees of freedom)")},
        {Skew, tr("Skew"), tr("Of the residuals: m₃ / m₂^1.5, 0 for a symmetric distribution")},
        {Kurtosis, tr("Kurtosis"), tr("Of the residuals: m₄ / m₂², 3 for a normal distribution (not the excess kurtosis)")},
        {ConditionNumber, tr("Condition number"),
         tr("The largest singular value of the design matrix as fitted (the intercept's column included) over the smallest, as "
            "numpy.linalg.cond and statsmodels' Cond. No.: large values mean the coefficients are sensitive to small changes in the data")},
    };
    for (const auto& r : rows) {
        auto* item = new QTableWidgetItem(r.label);
        item->setToolTip(r.tip);
        statistics_->setVerticalHeaderItem(r.row, item);
    }

    // Predictions at new rows, under the statistics.
    predictAt_->setObjectName(QStringLiteral("predictAt"));
    predictButton_->setObjectName(QStringLiteral("predict"));
    clearPredictions_->setObjectName(QStringLiteral("clearPredictions"));
    predictError_->setObjectName(QStringLiteral("predictError"));
    predictError_->setWordWrap(true);
    predictError_->setStyleSheet(QStringLiteral("color: #b00020"));
    predictError_->hide();
    predictions_->verticalHeader()->hide();
    auto* predictLabel = new QLabel(tr("Predict &at:"), this);
    predictLabel->setBuddy(predictAt_);
    // A prediction made empties the field (Enter again would add the same rows); a refused one
    // keeps the text to be mended.
    const auto predictTyped = [this] {
        if (predict(predictAt_->text()))
            predictAt_->clear();
    };
    connect(predictAt_, &QLineEdit::returnPressed, this, predictTyped);
    connect(predictButton_, &QPushButton::clicked, this, predictTyped);
    connect(clearPredictions_, &QPushButton::clicked, this, [this] {
        predictedX_.clear();
        predictions_->setRowCount(0);
        predictError_->hide();
    });
    connect(predictAt_, &QLineEdit::textEdited, predictError_, &QWidget::hide);
    auto* predictRow = new QHBoxLayout;
    predictRow->addWidget(predictLabel);
    predictRow->addWidget(predictAt_, 1);
    predictRow->addWidget(predictButton_);
    predictRow->addWidget(clearPredictions_);
    auto* predictBox = new QWidget(this);
    auto* predictLayout = new QVBoxLayout(predictBox);
    predictLayout->setContentsMargins(0, 0, 0, 0);
    predictLayout->addLayout(predictRow);
    predictLayout->addWidget(predictError_);
    predictLayout->addWidget(predictions_, 1);

    // The statistics beside the residuals, the predictions under them; both splits can be moved.
    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->setObjectName(QStringLiteral("leastSquaresSplitter"));
    middle->setChildrenCollapsible(false);
    middle->addWidget(statistics_);
    plotKind_->setObjectName(QStringLiteral("residualPlotKind"));
    plotKind_->addItem(tr("Residuals vs fitted"), ResidualPlot::ResidualsVsFitted);
    plotKind_->addItem(tr("Normal Q–Q"), ResidualPlot::NormalQQ);
    plotKind_->setItemData(0, tr("The residuals y − ŷ against the fitted values ŷ: a pattern or a funnel means the model misses something"),
                           Qt::ToolTipRole);
    plotKind_->setItemData(1, tr("The internally studentized residuals e / (σ̂ √(1 − h)), sorted, against the standard normal's quantiles "
                                 "at Filliben's plotting positions (scipy.stats.probplot), with the least-squares line through them: "
                                 "points off the line mean residuals that are not normal"),
                           Qt::ToolTipRole);
    connect(plotKind_, qOverload<int>(&QComboBox::activated), this,
            [this] { residuals_->setKind(static_cast<ResidualPlot::Kind>(plotKind_->currentData().toInt())); updateNotes(); });
    auto* plotLabel = new QLabel(tr("Sho&w:"), this);
    plotLabel->setBuddy(plotKind_);
    auto* plotRow = new QHBoxLayout;
    plotRow->addWidget(plotLabel);
    plotRow->addWidget(plotKind_);
    plotRow->addStretch(1);
    auto* plotBox = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotBox);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addLayout(plotRow);
    plotLayout->addWidget(residuals_, 1);
    middle->addWidget(plotBox);
    middle->setStretchFactor(0, 2);
    middle->setStretchFactor(1, 3);
    auto* lower = new QSplitter(Qt::Vertical, this);
    lower->setObjectName(QStringLiteral("predictionSplitter"));
    lower->setChildrenCollapsible(false);
    lower->addWidget(middle);
    lower->addWidget(predictBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    rows_->setObjectName(QStringLiteral("fitRows"));
    rows_->addItem(tr("Training rows"), false);
    rows_->addItem(tr("All rows"), true);
    rows_->setToolTip(tr("The runs are compared with the fit on the training rows, which they are trained on; all rows give the fit "
                         "a statistics package gives for the whole file"));
    connect(rows_, qOverload<int>(&QComboBox::activated), this, [this] { emit rowsChosen(allRows()); });
    auto* rowsLabel = new QLabel(tr("&Rows:"), this);
    rowsLabel->setBuddy(rows_);
    level_->setObjectName(QStringLiteral("confidenceLevel"));
    level_->setRange(kMinLevel * 100.0, kMaxLevel * 100.0);
    level_->setDecimals(2);
    level_->setSingleStep(1.0);
    level_->setSuffix(QStringLiteral("%"));
    level_->setValue(kDefaultLevel * 100.0);
    level_->setKeyboardTracking(false); // one update for "99", not one for "9" first
    level_->setToolTip(tr("The confidence level of the coefficients' intervals and of the predictions' intervals (the Data and fit "
                          "plot's band stays at 95%)"));
    connect(level_, &QDoubleSpinBox::valueChanged, this, [this] {
        if (hasFit_)
            showChoices();
    });
    auto* levelLabel = new QLabel(tr("Conf&idence level:"), this);
    levelLabel->setBuddy(level_);
    se_->setObjectName(QStringLiteral("standardErrors"));
    se_->addItem(tr("Classical"), static_cast<int>(fit::CovarianceType::Classical));
    for (fit::CovarianceType t : {fit::CovarianceType::HC0, fit::CovarianceType::HC1, fit::CovarianceType::HC2, fit::CovarianceType::HC3})
        se_->addItem(covarianceName(t), static_cast<int>(t));
    const QString robustTip = tr("Heteroskedasticity-robust (statsmodels' cov_type='%1'): the sandwich (XᵀX)⁻¹ Xᵀ diag(ω) X (XᵀX)⁻¹ with %2. "
                                 "z, p-values and intervals use the normal distribution, as statsmodels does by default for robust "
                                 "standard errors; F is the robust Wald test");
    se_->setItemData(0, tr("σ̂² (XᵀX)⁻¹, which assumes the noise has the same variance in every row; t, p-values and intervals from "
                           "Student's t with the residual degrees of freedom"),
                     Qt::ToolTipRole);
    se_->setItemData(1, robustTip.arg(QStringLiteral("HC0"), tr("ωᵢ = eᵢ² (White's)")), Qt::ToolTipRole);
    se_->setItemData(2, robustTip.arg(QStringLiteral("HC1"), tr("ωᵢ = eᵢ² · n / (n − rank)")), Qt::ToolTipRole);
    se_->setItemData(3, robustTip.arg(QStringLiteral("HC2"), tr("ωᵢ = eᵢ² / (1 − hᵢᵢ), hᵢᵢ the row's leverage")), Qt::ToolTipRole);
    se_->setItemData(4, robustTip.arg(QStringLiteral("HC3"), tr("ωᵢ = eᵢ² / (1 − hᵢᵢ)², hᵢᵢ the row's leverage")), Qt::ToolTipRole);
    se_->setToolTip(tr("The coefficients' covariance: classical, or robust to a noise whose variance changes from row to row (HC0–HC3). "
                       "It changes the standard errors, t, p-values, intervals, the F test and the predictions' intervals"));
    connect(se_, qOverload<int>(&QComboBox::activated), this, [this] {
        if (hasFit_)
            showChoices();
    });
    auto* seLabel = new QLabel(tr("Standard err&ors:"), this);
    seLabel->setBuddy(se_);
    // The title with the rows fitted; the choices of inference under them, so that the tab stays
    // narrow enough for a small screen.
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title_, 1);
    titleRow->addWidget(rowsLabel);
    titleRow->addWidget(rows_);
    layout->addLayout(titleRow);
    auto* choicesRow = new QHBoxLayout;
    choicesRow->addStretch(1);
    choicesRow->addWidget(levelLabel);
    choicesRow->addWidget(level_);
    choicesRow->addSpacing(12);
    choicesRow->addWidget(seLabel);
    choicesRow->addWidget(se_);
    layout->addLayout(choicesRow);
    layout->addWidget(coefficients_);
    layout->addWidget(lower, 1);
    layout->addWidget(notes_);
    clear(tr("Load or generate data to see its least-squares fit."));
}

void LeastSquaresView::setCell(QTableWidget* table, int row, int column, const QString& text, const QString& toolTip)
{
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    item->setText(text);
    item->setToolTip(toolTip);
    const bool isText = table == coefficients_ && (column == Term || column == Parameter);
    item->setTextAlignment((isText ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

void LeastSquaresView::clear(const QString& reason)
{
    hasFit_ = false;
    fit_.reset();
    base_.reset();
    predictions_->setRowCount(0);
    predictError_->hide();
    for (QWidget* w : std::initializer_list<QWidget*>{predictAt_, predictButton_, clearPredictions_})
        w->setEnabled(false);
    title_->setText(tr("Least squares"));
    coefficients_->setRowCount(0);
    terms_.clear();
    for (int r = 0; r < StatisticCount; ++r)
        setCell(statistics_, r, 0, kNone);
    notes_->setText(sentence(reason));
    // The reason is in the notes: an empty plot with the last fit's axes would only distract.
    residuals_->clear(QString());
    residuals_->parentWidget()->hide(); // with its choice of plot
    fitColumns();
}

void LeastSquaresView::setFit(const experiment::ClosedFormComparison& closedForm, const QStringList& flatNames, const data::Dataset& fitted)
{
    const fit::FitResult* f = closedForm.fit.get();
    if (!f || closedForm.paramIndex.size() != f->coefficients.size()) {
        clear(tr("There is no least-squares fit for this model and data."));
        return;
    }
    hasFit_ = true;
    // With the robust covariances' sandwich where experiment::addLeastSquaresReport added it (off
    // this thread); without it a robust choice falls back to classical and says why.
    base_ = closedForm.fit;
    sandwichWhyNot_ = closedForm.sandwichWhyNot;
    showCovariance();
    // The prediction table: the features' values, then the prediction and its intervals. The
    // rows predicted so far are predicted again while the features are the same.
    QStringList names;
    for (std::int64_t j = 0; j < f->features; ++j)
        names << oneLineName(j < fitted.features() ? fitted.featureNames[static_cast<std::size_t>(j)] : std::string());
    if (names != featureNames_)
        predictedX_.clear();
    featureNames_ = names;
    predictions_->setRowCount(0);
    predictions_->setColumnCount(static_cast<int>(featureNames_.size()) + PredictionColumnCount);
    predictAt_->setPlaceholderText(f->features == 1 ? tr("values of %1, e.g. 0.5 1.5 2").arg(featureNames_.value(0))
                                                    : tr("%1 values per row (%2), rows separated by ;").arg(f->features).arg(featureNames_.join(tr(", ", "between the terms of the title"))));
    for (QWidget* w : std::initializer_list<QWidget*>{predictAt_, predictButton_, clearPredictions_})
        w->setEnabled(true);
    predictError_->hide();
    // The fit's names ("intercept", a feature's name, "x^2"), and as shown: the intercept, always
    // first, in the user's language (a feature may be called "intercept" too).
    terms_.clear();
    for (const fit::Coefficient& c : f->coefficients)
        terms_ << QString::fromStdString(c.name);
    shownTerms_.clear();
    for (const QString& term : std::as_const(terms_))
        shownTerms_ << oneLineName(term);
    shownTerms_.front() = tr("intercept");
    parameters_.clear();
    for (std::size_t p : closedForm.paramIndex)
        parameters_ << (p < static_cast<std::size_t>(flatNames.size()) ? flatNames[static_cast<qsizetype>(p)] : kNone);
    const QString target = oneLineName(fitted.targetName);
    title_->setText((allRows() ? tr("Ordinary least squares of %1 on %2 (all rows: %3)") : tr("Ordinary least squares of %1 on %2 (training rows: %3)"))
                        .arg(target.isEmpty() ? QStringLiteral("y") : target, shownTerms_.join(tr(", ", "between the terms of the title")),
                             QLocale().toString(static_cast<qlonglong>(f->observations))));
    QString error;
    if (!showLevel(&error))
        predictedX_.clear(); // rows this fit cannot take

    const QString noDof = tr("No residual degrees of freedom: as many coefficients as rows");
    const QString exact = exactFitNote();
    // A statistic that is not a number says why on its tooltip.
    const auto statistic = [&](Statistic row, const QString& text, double value) {
        QString why;
        if (!std::isfinite(value))
            why = f->dfResidual > 0 ? tr("Undefined for this data: see the notes below") : noDof;
        setCell(statistics_, row, 0, text, why);
    };
    setCell(statistics_, Observations, 0, countText(static_cast<double>(f->observations)));
    setCell(statistics_, Rank, 0,
            f->rankDeficient() ? tr("%1 of %2 columns").arg(countText(static_cast<double>(f->rank)), countText(static_cast<double>(f->coefficients.size())))
                               : countText(static_cast<double>(f->rank)));
    statistic(DfResidual, countText(f->dfResidual), f->dfResidual);
    statistic(RSquared, number(f->rSquared, 9), f->rSquared);
    statistic(AdjustedRSquared, number(f->adjustedRSquared, 9), f->adjustedRSquared);
    statistic(ResidualStdError, number(f->residualStandardError, 9), f->residualStandardError);
    statistic(LogLikelihood, number(f->logLikelihood, 9), f->logLikelihood);
    statistic(Aic, number(f->aic, 9), f->aic);
    statistic(Bic, number(f->bic, 9), f->bic);
    statistic(Rss, number(f->rss, 9), f->rss);
    // The diagnostics: "—" where undefined, the fit's reason on the tooltip.
    const fit::Diagnostics& d = f->diagnostics;
    const auto diagnostic = [&](Statistic row, double value, const std::optional<data::Message>& reason, int digits, bool pValue = false) {
        if (reason)
            setCell(statistics_, row, 0, kNone, sentence(tr("Not available: %1").arg(experiment::translated(*reason))));
        else if (!std::isfinite(value))
            setCell(statistics_, row, 0, kNone, tr("Undefined for this data"));
        else
            setCell(statistics_, row, 0, pValue ? pValueText(value) : number(value, digits));
    };
    const std::optional<data::Message>& residualsWhy = d.residualsUndefined;
    const std::optional<data::Message>& omnibusWhy = residualsWhy ? residualsWhy : d.omnibusUndefined;
    diagnostic(DurbinWatson, d.durbinWatson, residualsWhy ? residualsWhy : d.durbinWatsonUndefined, 6);
    diagnostic(Omnibus, d.omnibus, omnibusWhy, 6);
    diagnostic(OmnibusPValue, d.omnibusPValue, omnibusWhy, 4, true);
    diagnostic(JarqueBera, d.jarqueBera, residualsWhy, 6);
    diagnostic(JarqueBeraPValue, d.jarqueBeraPValue, residualsWhy, 4, true);
    diagnostic(Skew, d.skew, residualsWhy, 6);
    diagnostic(Kurtosis, d.kurtosis, residualsWhy, 6);
    diagnostic(ConditionNumber, d.conditionNumber, d.conditionUndefined, 4);

    // The residuals of at most kMaxResidualPoints rows, evenly spread over the rows fitted.
    const qint64 rows = fitted.rows();
    const qint64 every = std::max<qint64>(1, (rows + kMaxResidualPoints - 1) / kMaxResidualPoints);
    std::vector<std::int64_t> pick;
    if (every > 1)
        for (qint64 r = 0; r < rows; r += every)
            pick.push_back(r);
    try {
        const fit::DataView view = fit::view(fitted, pick);
        const std::vector<double> yhat = fit::predict(*f, view);
        std::vector<double> residuals(yhat.size());
        for (std::size_t i = 0; i < yhat.size(); ++i)
            residuals[i] = fitted.y[static_cast<std::size_t>(every > 1 ? pick[i] : static_cast<std::int64_t>(i))] - yhat[i];
        residuals_->setResiduals(yhat, residuals);
        residuals_->parentWidget()->show();
    } catch (const std::exception& e) {
        residuals_->clear(experiment::translated(e));
    }
    // The Q–Q plot of all rows' studentized residuals, thinned to as many order statistics
    // (experiment::addLeastSquaresReport).
    qqThinning_.clear();
    if (closedForm.qq) {
        const fit::NormalQQ& qq = *closedForm.qq;
        residuals_->setQQ(qq);
        if (static_cast<std::int64_t>(qq.sample.size()) < qq.total)
            qqThinning_ = tr("The Q–Q plot shows %1 of the %2 ordered residuals, evenly spaced, the smallest and the largest among them.")
                              .arg(countText(static_cast<double>(qq.sample.size())), countText(static_cast<double>(qq.total)));
        if (qq.leftOut > 0)
            qqThinning_ = (qqThinning_ + QLatin1Char(' ')
                           + (qq.leftOut == 1 ? tr("It leaves out the row with leverage 1, which the fit passes through: it has no studentized residual.")
                                              : tr("It leaves out %1 rows with leverage 1, which the fit passes through: they have no studentized residual.")
                                                    .arg(countText(static_cast<double>(qq.leftOut)))))
                              .trimmed();
    } else {
        residuals_->setQQUnavailable(sentence(closedForm.qqWhyNot.isEmpty() ? tr("There is no Q–Q plot for this fit.") : closedForm.qqWhyNot));
    }
    thinning_ = every > 1 ? tr("The residual plot shows one row in %1: %2 of %3.")
                                .arg(countText(static_cast<double>(every)), countText(static_cast<double>(residuals_->points())),
                                     countText(static_cast<double>(rows)))
                          : QString();
    warnings_ = closedForm.warnings;
    updateNotes();
    fitColumns();
}

void LeastSquaresView::showCovariance()
{
    covarianceNote_.clear();
    fit_ = shownAt(base_, confidenceLevel(), standardErrors(), &covarianceNote_);
    if (!covarianceNote_.isEmpty() && !sandwichWhyNot_.isEmpty() && !base_->sandwich)
        covarianceNote_ = tr("The robust standard errors could not be computed: %1").arg(sandwichWhyNot_);
}

void LeastSquaresView::showChoices()
{
    showCovariance();
    QString error;
    showLevel(&error);
    updateNotes();
    fitColumns();
}

bool LeastSquaresView::showLevel(QString* error)
{
    const fit::FitResult* f = fit_.get();
    const QString level = levelText(f->confidenceLevel);
    // Which standard errors, and the distribution of t (z under a robust covariance) and p.
    const bool robust = f->covarianceType != fit::CovarianceType::Classical;
    const QString se = covarianceName(f->covarianceType);
    coefficients_->horizontalHeaderItem(StdError)->setText(robust ? tr("Std. error (%1)").arg(se) : tr("Std. error"));
    coefficients_->horizontalHeaderItem(StdError)->setToolTip(
        robust ? tr("The estimate's heteroskedasticity-robust (%1) standard error, from the sandwich covariance").arg(se)
               : tr("The estimate's standard error, √(σ̂² (XᵀX)⁻¹), with σ̂² the residual sum of squares over the residual degrees of freedom"));
    coefficients_->horizontalHeaderItem(TValue)->setText(robust ? tr("z") : tr("t"));
    coefficients_->horizontalHeaderItem(PValue)->setToolTip(
        robust ? tr("Two-sided: the probability, were the coefficient 0, of a z at least this far from 0 (the standard normal distribution, "
                    "statsmodels' default for robust standard errors)")
               : tr("Two-sided: the probability, were the coefficient 0, of a t at least this far from 0 (Student's t with the residual degrees of freedom)"));
    const QString exact = exactFitNote();
    if (f->exact) {
        setCell(statistics_, FStatistic, 0, kNone, exact);
        setCell(statistics_, FPValue, 0, kNone, exact);
    } else {
        // "3524.88 (1, 78)": F with its degrees of freedom, as F(1, 78) is written.
        // The degrees of freedom ungrouped: "(1, 1,998)" would read as three numbers.
        const QString why = std::isfinite(f->fStatistic) ? QString()
                            : f->covarianceUndefined   ? sentence(experiment::translated(*f->covarianceUndefined))
                            : f->dfResidual > 0        ? tr("Undefined for this data: see the notes below")
                                                       : tr("No residual degrees of freedom: as many coefficients as rows");
        setCell(statistics_, FStatistic, 0,
                std::isfinite(f->fStatistic) ? tr("%1 (%2, %3)").arg(number(f->fStatistic, 6), number(f->fDfNumerator, 12), number(f->dfResidual, 12)) : kNone,
                why);
        setCell(statistics_, FPValue, 0, std::isfinite(f->fPValue) ? pValueText(f->fPValue) : kNone, why);
    }
    statistics_->verticalHeaderItem(FStatistic)->setText(robust ? tr("Robust F (%1)").arg(se) : tr("F statistic"));
    statistics_->verticalHeaderItem(FStatistic)->setToolTip(
        robust ? tr("The robust Wald test of every slope being 0 with the %1 covariance, over the rank of the slopes' robust "
                    "covariance (their number unless the design is rank-deficient), as statsmodels' fvalue: F distributed with "
                    "that number and the residual degrees of freedom")
                     .arg(se)
               : tr("The fit against the intercept alone: every slope 0"));
    coefficients_->horizontalHeaderItem(Lower)->setText(tr("Lower %1%").arg(level));
    coefficients_->horizontalHeaderItem(Lower)->setToolTip(tr("The lower end of the coefficient's %1% confidence interval").arg(level));
    coefficients_->horizontalHeaderItem(Upper)->setText(tr("Upper %1%").arg(level));
    coefficients_->horizontalHeaderItem(Upper)->setToolTip(tr("The upper end of the coefficient's %1% confidence interval").arg(level));
    coefficients_->setRowCount(static_cast<int>(f->coefficients.size()));
    // Inference the data cannot support is shown as "—", with the reason as the cell's tooltip
    // (the exported report keeps the numbers, which are statsmodels').
    const QString noDof = tr("No residual degrees of freedom: as many coefficients as rows");
    const QString aliased = tr("Not identified: this column is a combination of others, so its estimate is one of many that fit "
                               "equally well (the minimum-norm one) and it has no standard error, t, p or interval");
    for (std::size_t i = 0; i < f->coefficients.size(); ++i) {
        const fit::Coefficient& c = f->coefficients[i];
        const int row = static_cast<int>(i);
        const QString undefined = f->covarianceUndefined ? sentence(experiment::translated(*f->covarianceUndefined)) : noDof;
        const QString why = !c.identified ? aliased : f->exact ? exact : std::isfinite(c.standardError) ? QString() : undefined;
        const auto inference = [&](double v, int digits) { return why.isEmpty() ? number(v, digits) : kNone; };
        setCell(coefficients_, row, Term, shownTerms_.value(row));
        setCell(coefficients_, row, Parameter, parameters_.value(row, kNone));
        setCell(coefficients_, row, Estimate, number(c.estimate, 9), c.identified ? QString() : aliased);
        setCell(coefficients_, row, StdError, inference(c.standardError, 6), why);
        setCell(coefficients_, row, TValue, inference(c.tValue, 5), why);
        setCell(coefficients_, row, PValue, why.isEmpty() ? pValueText(c.pValue) : kNone, why);
        // The interval's ends to 7 digits: the t quantile behind them is good to about 1e-9.
        setCell(coefficients_, row, Lower, inference(c.lower, 7), why);
        setCell(coefficients_, row, Upper, inference(c.upper, 7), why);
    }

    QStringList headers = featureNames_;
    headers << tr("Predicted ŷ") << tr("Std. error of ŷ") << tr("Mean lower %1%").arg(level) << tr("Mean upper %1%").arg(level)
            << tr("Observation lower %1%").arg(level) << tr("Observation upper %1%").arg(level);
    predictions_->setHorizontalHeaderLabels(headers);
    const QString tips[PredictionColumnCount] = {
        tr("The closed form's prediction at this row"),
        tr("The standard error of the mean response at this row, √(dᵀ Σ d), with d the row of the design and Σ the coefficients' covariance"),
        tr("Where the mean response (the true line's value) lies, with %1% confidence").arg(level),
        tr("Where the mean response (the true line's value) lies, with %1% confidence").arg(level),
        tr("Where a new observation at this row falls, with %1% probability: it adds the noise, σ̂², to the mean's uncertainty").arg(level),
        tr("Where a new observation at this row falls, with %1% probability: it adds the noise, σ̂², to the mean's uncertainty").arg(level),
    };
    for (int c = 0; c < PredictionColumnCount; ++c)
        predictions_->horizontalHeaderItem(static_cast<int>(featureNames_.size()) + c)->setToolTip(tips[c]);
    const bool predicted = fillPredictions(error);
    predictions_->resizeColumnsToContents();
    return predicted;
}

double LeastSquaresView::confidenceLevel() const { return level_->value() / 100.0; }

void LeastSquaresView::setConfidenceLevel(double level)
{
    level_->setValue((level >= kMinLevel && level <= kMaxLevel ? level : kDefaultLevel) * 100.0);
}

fit::CovarianceType LeastSquaresView::standardErrors() const { return static_cast<fit::CovarianceType>(se_->currentData().toInt()); }

void LeastSquaresView::setStandardErrors(fit::CovarianceType type)
{
    const int index = se_->findData(static_cast<int>(type));
    se_->setCurrentIndex(index >= 0 ? index : 0);
    if (hasFit_)
        showChoices();
}

void LeastSquaresView::setResidualPlotKind(ResidualPlot::Kind kind)
{
    const int index = plotKind_->findData(static_cast<int>(kind));
    plotKind_->setCurrentIndex(index >= 0 ? index : 0);
    residuals_->setKind(static_cast<ResidualPlot::Kind>(plotKind_->currentData().toInt()));
    if (hasFit_)
        updateNotes();
}

void LeastSquaresView::setLossNote(const QString& note)
{
    lossNote_ = note;
    if (hasFit_)
        updateNotes();
}

void LeastSquaresView::updateNotes()
{
    QStringList notes;
    for (const QString& w : warnings_)
        notes << sentence(w);
    if (!covarianceNote_.isEmpty())
        notes << sentence(covarianceNote_);
    if (fit_ && fit_->covarianceType != fit::CovarianceType::Classical) {
        const QString se = covarianceName(fit_->covarianceType);
        notes << (fit_->covarianceUndefined ? sentence(experiment::translated(*fit_->covarianceUndefined))
                                            : tr("Standard errors %1, robust to a noise whose variance changes from row to row: z, p-values and "
                                                 "intervals use the normal distribution (statsmodels' default for robust standard errors), F "
                                                 "is the robust Wald test, and the predictions' standard errors are %1 too.")
                                                  .arg(se));
    }
    if (residuals_->kind() == ResidualPlot::ResidualsVsFitted && !thinning_.isEmpty())
        notes << thinning_;
    if (residuals_->kind() == ResidualPlot::NormalQQ && !qqThinning_.isEmpty())
        notes << qqThinning_;
    if (!lossNote_.isEmpty())
        notes << lossNote_;
    notes << (allRows() ? tr("This is the fit on all rows; the results panel compares the runs with the fit on the training rows, which "
                             "they are trained on. Select cells and press Ctrl+C to copy them; File > Export saves the whole report.")
                        : tr("The results panel compares each run's trained parameters with this fit on the training rows of the data "
                             "the run was trained on. Select cells and press Ctrl+C to copy them; File > Export saves the whole report."));
    notes_->setText(notes.join(QLatin1Char('\n')));
}

void LeastSquaresView::fitColumns()
{
    coefficients_->resizeColumnsToContents();
    statistics_->resizeColumnsToContents();
    // The coefficient table as tall as its rows, up to twelve of them (a wide model scrolls), so
    // that the statistics and the residuals get the rest.
    const int rows = std::clamp(coefficients_->rowCount(), 1, 12);
    const int frame = 2 * coefficients_->frameWidth();
    int height = coefficients_->horizontalHeader()->sizeHint().height() + rows * coefficients_->verticalHeader()->defaultSectionSize() + frame;
    if (coefficients_->rowCount() > 12 || coefficients_->horizontalHeader()->length() > coefficients_->viewport()->width())
        height += coefficients_->horizontalScrollBar()->sizeHint().height();
    // At most that tall; in a small window it gives way down to three rows, and scrolls.
    coefficients_->setMaximumHeight(height);
    coefficients_->setMinimumHeight(std::min(height, coefficients_->horizontalHeader()->sizeHint().height()
                                                         + 3 * coefficients_->verticalHeader()->defaultSectionSize() + frame));
    // The statistics are few and short: never narrower than their longest value, so that none is cut.
    statistics_->setMinimumWidth(statistics_->verticalHeader()->width() + statistics_->horizontalHeader()->length() + 2 * statistics_->frameWidth()
                                 + statistics_->verticalScrollBar()->sizeHint().width());
}

void LeastSquaresView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitColumns();
}

QString LeastSquaresView::coefficientText(const QString& term, Column column) const
{
    const int row = static_cast<int>(terms_.indexOf(term));
    const QTableWidgetItem* item = row >= 0 ? coefficients_->item(row, column) : nullptr;
    return item ? item->text() : QString();
}

QString LeastSquaresView::statisticText(Statistic statistic) const
{
    const QTableWidgetItem* item = statistics_->item(statistic, 0);
    return item ? item->text() : QString();
}

bool LeastSquaresView::predict(const QString& text)
{
    const auto fail = [this](const QString& why) {
        predictError_->setText(why);
        predictError_->show();
        return false;
    };
    if (!fit_)
        return fail(tr("There is no least-squares fit to predict with."));
    const QLocale locale;
    // Values are separated by spaces, or by commas too where a comma is not the decimal separator.
    const bool commaSeparates = locale.decimalPoint() != QLatin1String(",");
    const QRegularExpression separators(commaSeparates ? QStringLiteral("[\\s,]+") : QStringLiteral("\\s+"));
    const auto k = static_cast<qsizetype>(fit_->features);
    std::vector<double> x;
    qsizetype rowCount = 0;
    const QStringList rows = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& row : rows) {
        const QStringList fields = row.split(separators, Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        if (k > 1 && fields.size() != k)
            // One arg() for all: text the user typed may hold a "%1" of its own.
            return fail(tr("Each row needs %1 values (%2); \"%3\" has %4.")
                            .arg(QString::number(k), featureNames_.join(tr(", ", "between the terms of the title")), row.trimmed(),
                                 QString::number(fields.size())));
        for (const QString& field : fields) {
            bool ok = false;
            // As the tab writes numbers (a point for decimals), else in the user's locale.
            double v = QLocale::c().toDouble(field, &ok);
            if (!ok)
                v = locale.toDouble(field, &ok);
            if (!ok || !std::isfinite(v))
                return fail(tr("\"%1\" is not a number.").arg(field));
            x.push_back(v);
        }
        rowCount += k > 1 ? 1 : fields.size();
    }
    if (rowCount == 0)
        return fail(k > 1 ? tr("Enter %1 values per row: %2.").arg(k).arg(featureNames_.join(tr(", ", "between the terms of the title")))
                          : tr("Enter one or more values of %1.").arg(featureNames_.value(0)));
    constexpr qsizetype kMaxRows = 10'000;
    if (predictions_->rowCount() + rowCount > kMaxRows)
        return fail(tr("At most %1 predictions are kept; press Clear first.").arg(kMaxRows));
    const std::size_t before = predictedX_.size();
    predictedX_.insert(predictedX_.end(), x.begin(), x.end());
    QString error;
    if (!fillPredictions(&error)) {
        predictedX_.resize(before);
        fillPredictions(&error);
        return fail(error);
    }
    predictions_->scrollToBottom();
    predictError_->hide();
    return true;
}

bool LeastSquaresView::fillPredictions(QString* error)
{
    predictions_->setRowCount(0);
    if (!fit_ || predictedX_.empty())
        return true;
    const auto k = static_cast<std::size_t>(std::max<std::int64_t>(fit_->features, 1));
    fit::DataView view;
    view.x = predictedX_.data();
    view.rows = static_cast<std::int64_t>(predictedX_.size() / k);
    view.features = fit_->features;
    std::vector<fit::Prediction> got;
    try {
        got = fit::predictWithIntervals(*fit_, view);
    } catch (const std::exception& e) {
        *error = experiment::translated(e);
        return false;
    }
    const int features = static_cast<int>(fit_->features);
    predictions_->setRowCount(static_cast<int>(got.size()));
    for (std::size_t i = 0; i < got.size(); ++i) {
        const int row = static_cast<int>(i);
        for (int j = 0; j < features; ++j)
            setCell(predictions_, row, j, number(predictedX_[i * k + static_cast<std::size_t>(j)], 9));
        const fit::Prediction& p = got[i];
        const double values[PredictionColumnCount] = {p.mean, p.meanStandardError, p.meanLower, p.meanUpper, p.observationLower, p.observationUpper};
        const int digits[PredictionColumnCount] = {9, 6, 7, 7, 7, 7};
        // As in the coefficient table: what the data cannot support is "—", with the reason.
        const QString why = !p.estimable ? tr("Not estimable: the columns the data leaves undetermined reach this row, so its prediction "
                                              "depends on which of the equally good fits was taken")
                            : fit_->exact ? exactFitNote()
                                          : QString();
        for (int c = 0; c < PredictionColumnCount; ++c) {
            const bool shown = why.isEmpty() || (p.estimable && c == Mean);
            setCell(predictions_, row, features + c, shown ? number(values[c], digits[c]) : kNone, shown ? QString() : why);
        }
    }
    predictions_->resizeColumnsToContents();
    return true;
}

QString LeastSquaresView::predictionError() const { return predictError_->isHidden() ? QString() : predictError_->text(); }

QString LeastSquaresView::exactFitNote()
{
    return tr("The fit is exact: the residuals are zero up to rounding, so the standard errors measure only rounding and t and p "
              "mean nothing");
}

QString LeastSquaresView::title() const { return title_->text(); }

bool LeastSquaresView::allRows() const { return rows_->currentData().toBool(); }

void LeastSquaresView::setAllRows(bool all) { rows_->setCurrentIndex(all ? 1 : 0); }

QString LeastSquaresView::notes() const { return notes_->text(); }

} // namespace gradlab::widgets
