#include "data_form.h"

#include "display_names.h"

#include "data/csv_reader.h"
#include "experiment/messages.h"
#include "wheel_guard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QUrl>
#include <QValidator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <utility>

namespace gradlab::widgets {

using experiment::CsvConfig;
using experiment::DatasetConfig;
using experiment::ExperimentConfig;
using experiment::ModelConfig;

namespace {

constexpr std::size_t kPreviewRows = 20;
constexpr double kSeedMax = std::numeric_limits<quint32>::max();

QString fromStd(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QStringList fromStd(const std::vector<std::string>& list)
{
    QStringList out;
    for (const auto& s : list)
        out << fromStd(s);
    return out;
}

bool isDataFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt");
}

// The first local CSV/TSV/text file among the dragged URLs, or empty.
QString droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && isDataFile(url.toLocalFile()))
            return url.toLocalFile();
    return {};
}

// Fields the reader takes for a missing value; they do not make a column textual.
bool isMissingToken(const QString& field)
{
    static const QStringList tokens{QString(), QStringLiteral("NA"), QStringLiteral("N/A"), QStringLiteral("n/a"),
                                    QStringLiteral("NULL"), QStringLiteral("null"), QStringLiteral("None"),
                                    QStringLiteral("<NA>"), QStringLiteral("#N/A")};
    return tokens.contains(field.trimmed());
}

// A column whose previewed fields are all numbers or missing values, with at least one number.
bool isNumericColumn(const data::CsvPreview& preview, std::size_t column)
{
    bool any = false;
    for (const auto& row : preview.rows) {
        const QString text = fromStd(row[column]);
        const bool ok = data::isCsvNumber(row[column], preview.format.decimal); // as the reader reads numbers
        if (!ok && !isMissingToken(text))
            return false;
        any = any || ok;
    }
    return any;
}

// The a + b·x and the polynomial model read one feature; the others any number.
bool takesOneFeature(ModelConfig::Type type)
{
    return type == ModelConfig::Type::ScalarLinear || type == ModelConfig::Type::Polynomial;
}

// A fresh file's picks: the last numeric column is the target, the other numeric columns the
// features; only the first of them for a model that reads one feature, so that a file just opened
// trains as it is. A column holding text is never ticked: it would only stop the load.
void defaultPicks(const data::CsvPreview& preview, CsvConfig& csv, ModelConfig::Type model)
{
    const QStringList names = fromStd(preview.format.columnNames);
    std::size_t target = static_cast<std::size_t>(names.size()) - 1;
    for (std::size_t i = names.size(); i-- > 0;) {
        if (isNumericColumn(preview, i)) {
            target = i;
            break;
        }
    }
    csv.target = names[static_cast<qsizetype>(target)];
    csv.features.clear();
    for (std::size_t i = 0; i < static_cast<std::size_t>(names.size()); ++i)
        if (i != target && isNumericColumn(preview, i))
            csv.features << names[static_cast<qsizetype>(i)];
    if (takesOneFeature(model) && csv.features.size() > 1)
        csv.features = QStringList{csv.features.front()};
}

QString formatNumbers(const std::vector<double>& values)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'g', QLocale::FloatingPointShortest);
    return parts.join(QStringLiteral(", "));
}

// Shows 1 and 0.1 rather than 1.000000 and 0.100000; `decimals` still bounds the precision.
class ShortSpinBox : public QDoubleSpinBox {
public:
    QString textFromValue(double value) const override
    {
        QLocale l = locale();
        l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
        return l.toString(value, 'f', QLocale::FloatingPointShortest);
    }
};

// A spin box that keeps a typed number outside its range in the field until Enter (the plain one
// refuses the keystroke), then reverts to its value as usual but remembers the refused number, so
// that the form can say why it was not taken.
template <typename Base>
class CheckedSpin : public Base {
public:
    QValidator::State validate(QString& text, int& pos) const override
    {
        const QValidator::State state = Base::validate(text, pos);
        return state == QValidator::Invalid && outOfRange(text) ? QValidator::Intermediate : state;
    }
    void fixup(QString& text) const override
    {
        rejected_ = text;
        Base::fixup(text);
    }
    // The number typed and refused since the last call when it was out of range, else empty.
    QString takeRejected()
    {
        const QString text = std::exchange(rejected_, QString()).trimmed();
        return outOfRange(text) ? text : QString();
    }
    QString minimumText() const { return this->textFromValue(this->minimum()); }
    QString maximumText() const { return this->textFromValue(this->maximum()); }

private:
    bool outOfRange(const QString& text) const
    {
        bool ok = false;
        double v = this->locale().toDouble(text.trimmed(), &ok);
        if (!ok)
            v = QLocale::c().toDouble(text.trimmed(), &ok);
        return ok && std::isfinite(v) && (v < this->minimum() || v > this->maximum());
    }

    mutable QString rejected_;
};

QLabel* makeErrorLabel(const QString& name)
{
    auto* label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

// `text` with line breaks where it passes `width` pixels (between words; CJK text has few spaces,
// so a line also breaks between characters when a word alone is too wide).
QString wrapped(const QString& text, const QFontMetrics& metrics, int width)
{
    QString out, line;
    for (const QString& word : text.split(QLatin1Char(' '))) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (metrics.horizontalAdvance(candidate) <= width || line.isEmpty()) {
            line = candidate;
        } else {
            out += line + QLatin1Char('\n');
            line = word;
        }
        while (metrics.horizontalAdvance(line) > width && line.size() > 1) {
            qsizetype fit = line.size() - 1;
            while (fit > 1 && metrics.horizontalAdvance(line.left(fit)) > width)
                --fit;
            out += line.left(fit) + QLatin1Char('\n');
            line = line.mid(fit);
        }
    }
    return out + line;
}

// After each Enter or focus change: `label` says why a typed number was refused, or goes away.
template <typename Spin, typename Message>
void explainRefusals(Spin* spin, QLabel* label, Message message)
{
    QObject::connect(spin, &QAbstractSpinBox::editingFinished, label, [spin, label, message] {
        const QString refused = spin->takeRejected();
        // Wrapped here, at the field's width, not by the label: a form layout asks a word-wrapping
        // label for its height at another width and then squeezes the next row to nothing.
        label->setWordWrap(false);
        label->setText(refused.isEmpty() ? QString() : wrapped(message(refused, spin->minimumText(), spin->maximumText()),
                                                                label->fontMetrics(), std::max(120, spin->width())));
        label->setVisible(!refused.isEmpty());
    });
}

template <typename Spin = ShortSpinBox>
QDoubleSpinBox* makeDoubleSpin(double min, double max, int decimals, double step)
{
    auto* spin = new Spin;
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setSingleStep(step);
    spin->setKeyboardTracking(false); // one edit, one change (and one undo step)
    return spin;
}

QDoubleSpinBox* makeSeedSpin()
{
    // A double spin box with no decimals holds every quint32 exactly; QSpinBox stops at INT_MAX.
    return makeDoubleSpin(0, kSeedMax, 0, 1);
}

template <typename Spin = QSpinBox>
QSpinBox* makeIntSpin(int min, int max)
{
    auto* spin = new Spin;
    spin->setRange(min, max);
    spin->setKeyboardTracking(false);
    return spin;
}

} // namespace

DataForm::DataForm(QWidget* parent) : QWidget(parent)
{
    setAcceptDrops(true);

    source_ = new QComboBox;
    source_->setObjectName(QStringLiteral("dataset.source"));
    source_->addItem(tr("Generate"), static_cast<int>(DatasetConfig::Source::Generated));
    source_->addItem(tr("Load CSV"), static_cast<int>(DatasetConfig::Source::Csv));
    inputs_.push_back(source_);

    pages_ = new QStackedWidget;
    pages_->setObjectName(QStringLiteral("pages"));
    pages_->addWidget(buildGeneratorPage());
    pages_->addWidget(buildCsvPage());
    // The pages take the room the page in view needs, not the tallest page's: the split group then
    // sits right under the fields, and a message appearing in a page makes the form taller instead
    // of squeezing its rows together.
    connect(pages_, &QStackedWidget::currentChanged, this, [this](int current) {
        for (int i = 0; i < pages_->count(); ++i)
            pages_->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        pages_->updateGeometry();
    });
    pages_->widget(1)->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);

    // Below the form: a problem appearing while the user types moves no field.
    problems_ = makeErrorLabel(QStringLiteral("problems"));

    auto* sourceRow = new QFormLayout;
    sourceRow->addRow(tr("Source:"), source_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sourceRow);
    layout->addWidget(pages_);
    layout->addWidget(buildSplitGroup());
    layout->addWidget(problems_);
    layout->addStretch(1);

    connect(source_, &QComboBox::currentIndexChanged, this, &DataForm::onSourceChanged);

    guardWheel(this);
    showConfig();
    showPreview(nullptr);
}

DataForm::~DataForm() = default;

QWidget* DataForm::buildGeneratorPage()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);

    a_ = makeDoubleSpin(-1e6, 1e6, 6, 0.1);
    b_ = makeDoubleSpin(-1e6, 1e6, 6, 0.1);
    // A split into training and validation rows needs two rows at least.
    auto* n = static_cast<CheckedSpin<QSpinBox>*>(makeIntSpin<CheckedSpin<QSpinBox>>(2, 100'000'000));
    n_ = n;
    nError_ = makeErrorLabel(QStringLiteral("nError"));
    explainRefusals(n, nError_, [](const QString& refused, const QString& min, const QString& max) {
        return tr("n = %1 was not taken: n must be from %2 to %3 (the split into training and validation needs at "
                  "least 2 rows).")
            .arg(refused, min, max);
    });
    noise_ = makeDoubleSpin(0, 1e6, 6, 0.05);
    xMin_ = makeDoubleSpin(-1e9, 1e9, 6, 0.5);
    xMax_ = makeDoubleSpin(-1e9, 1e9, 6, 0.5);
    genSeed_ = makeSeedSpin();
    features_ = makeIntSpin(1, 1000);
    weights_ = new QLineEdit;
    weights_->setPlaceholderText(tr("w1, w2, …"));
    weightsError_ = makeErrorLabel(QStringLiteral("weightsError"));

    a_->setToolTip(tr("The intercept: y = a + b·x + noise"));
    b_->setToolTip(tr("The slope, for one feature"));
    n_->setToolTip(tr("The number of rows to generate, from %1 to %2: the split needs at least 2")
                       .arg(QLocale().toString(n_->minimum()), QLocale().toString(n_->maximum())));
    noise_->setToolTip(tr("The standard deviation σ of the Gaussian noise added to y"));
    weights_->setToolTip(tr("One weight per feature, separated by commas"));

    form->addRow(tr("Intercept a:"), a_);
    form->addRow(tr("Slope b:"), b_);
    form->addRow(tr("Samples n:"), n_);
    form->addRow(QString(), nError_);
    form->addRow(tr("Noise σ:"), noise_);
    form->addRow(tr("x min:"), xMin_);
    form->addRow(tr("x max:"), xMax_);
    form->addRow(tr("Features:", "how many features to generate"), features_);
    weightsLabel_ = new QLabel(tr("Weights:"));
    form->addRow(weightsLabel_, weights_);
    form->addRow(QString(), weightsError_);
    form->addRow(tr("Seed:"), genSeed_);

    for (QWidget* w : std::initializer_list<QWidget*>{a_, b_, n_, noise_, xMin_, xMax_, genSeed_, features_, weights_})
        inputs_.push_back(w);
    // Each input is named after the configuration field it edits (also the undo key).
    a_->setObjectName(QStringLiteral("dataset.generator.a"));
    b_->setObjectName(QStringLiteral("dataset.generator.b"));
    n_->setObjectName(QStringLiteral("dataset.generator.n"));
    noise_->setObjectName(QStringLiteral("dataset.generator.noise"));
    xMin_->setObjectName(QStringLiteral("dataset.generator.x_min"));
    xMax_->setObjectName(QStringLiteral("dataset.generator.x_max"));
    genSeed_->setObjectName(QStringLiteral("dataset.generator.seed"));
    features_->setObjectName(QStringLiteral("dataset.generator.features"));
    weights_->setObjectName(QStringLiteral("dataset.generator.weights"));

    auto onDouble = [this](QDoubleSpinBox* spin, auto apply, const QString& key, const QString& description) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, apply, key, description](double v) {
            if (updating_)
                return;
            ExperimentConfig c = config_;
            apply(c.dataset.generator, v);
            commit(c, key, description);
        });
    };
    using G = experiment::GeneratorConfig;
    onDouble(a_, [](G& g, double v) { g.a = v; }, QStringLiteral("dataset.generator.a"), tr("Change intercept a"));
    // With one feature a weight read from a project (or set with --set) stands in for b: the slope
    // typed here is the one the data is to have, so it takes that weight's place.
    onDouble(b_, [](G& g, double v) {
        g.b = v;
        if (g.features == 1)
            g.weights.clear();
    }, QStringLiteral("dataset.generator.b"), tr("Change slope b"));
    onDouble(noise_, [](G& g, double v) { g.noise = v; }, QStringLiteral("dataset.generator.noise"), tr("Change noise σ"));
    onDouble(xMin_, [](G& g, double v) { g.xMin = v; }, QStringLiteral("dataset.generator.x_min"), tr("Change x min"));
    onDouble(xMax_, [](G& g, double v) { g.xMax = v; }, QStringLiteral("dataset.generator.x_max"), tr("Change x max"));
    // The tutorial seeds once: its shuffle continues the stream that drew the data. A split seed equal
    // to the data seed does the same, so while the two are equal the split seed follows the data seed.
    connect(genSeed_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (updating_)
            return;
        ExperimentConfig c = config_;
        if (c.dataset.split.seed == c.dataset.generator.seed)
            c.dataset.split.seed = static_cast<quint32>(v);
        c.dataset.generator.seed = static_cast<quint32>(v);
        commit(c, QStringLiteral("dataset.generator.seed"), tr("Change data seed"));
        if (splitSeed_->value() != c.dataset.split.seed) {
            const QScopedValueRollback guard(updating_, true);
            splitSeed_->setValue(c.dataset.split.seed);
        }
    });
    connect(n_, &QSpinBox::valueChanged, this, [this](int v) {
        if (updating_)
            return;
        nError_->hide();
        ExperimentConfig c = config_;
        c.dataset.generator.n = v;
        commit(c, QStringLiteral("dataset.generator.n"), tr("Change sample count n"));
    });
    connect(features_, &QSpinBox::valueChanged, this, &DataForm::onFeaturesCountChanged);
    connect(weights_, &QLineEdit::editingFinished, this, &DataForm::onWeightsEdited);
    return page;
}

QWidget* DataForm::buildCsvPage()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    path_ = new QLineEdit;
    path_->setObjectName(QStringLiteral("dataset.csv.path"));
    path_->setPlaceholderText(tr("Choose or drop a CSV file"));
    path_->setToolTip(tr("A CSV, TSV or text file: type its path and press Enter, click Browse…, or drop it on the form"));
    path_->setAcceptDrops(false); // a dropped file opens it, through the form
    // Wide enough for the whole placeholder, so that it reads as a sentence.
    path_->setMinimumWidth(path_->fontMetrics().horizontalAdvance(path_->placeholderText())
                           + 4 * path_->fontMetrics().averageCharWidth());
    browse_ = new QPushButton(tr("Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse_);

    delimiter_ = new QComboBox;
    delimiter_->addItem(tr("Detect"), QString());
    delimiter_->addItem(tr("Comma (,)"), QStringLiteral(","));
    delimiter_->addItem(tr("Semicolon (;)"), QStringLiteral(";"));
    delimiter_->addItem(tr("Tab"), QStringLiteral("\t"));
    delimiter_->addItem(tr("Pipe (|)"), QStringLiteral("|"));
    header_ = new QComboBox;
    header_->addItem(tr("Detect"), QStringLiteral("detect"));
    header_->addItem(tr("Yes"), QStringLiteral("yes"));
    header_->addItem(tr("No"), QStringLiteral("no"));
    missing_ = new QComboBox;
    missing_->addItem(tr("Stop with an error"), static_cast<int>(CsvConfig::Missing::Error));
    missing_->addItem(tr("Drop the row"), static_cast<int>(CsvConfig::Missing::Drop));
    decimal_ = new QComboBox;
    decimal_->addItem(tr("Automatic"), static_cast<int>(CsvConfig::Decimal::Auto));
    decimal_->addItem(tr("Point (1.5)"), static_cast<int>(CsvConfig::Decimal::Point));
    decimal_->addItem(tr("Comma (1,5)"), static_cast<int>(CsvConfig::Decimal::Comma));
    decimal_->setToolTip(tr("Automatic reads a comma as the decimal separator when the delimiter is not a comma and the "
                            "numbers of the first rows have a comma as their only separator, as in many European CSV "
                            "files"));

    delimiter_->setObjectName(QStringLiteral("dataset.csv.delimiter"));
    header_->setObjectName(QStringLiteral("dataset.csv.header"));
    missing_->setObjectName(QStringLiteral("dataset.csv.missing"));
    decimal_->setObjectName(QStringLiteral("dataset.csv.decimal"));

    auto* format = new QFormLayout;
    format->addRow(tr("File:"), pathRow);
    // Under the file, not above it: the field the user just typed in stays where it is.
    readerError_ = makeErrorLabel(QStringLiteral("readerError"));
    readerError_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    format->addRow(QString(), readerError_);
    format->addRow(tr("Delimiter:"), delimiter_);
    format->addRow(tr("Header row:"), header_);
    format->addRow(tr("Decimal separator:"), decimal_);
    format->addRow(tr("Missing values:"), missing_);

    preview_ = new QTableWidget;
    preview_->setObjectName(QStringLiteral("preview"));
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview_->setSelectionMode(QAbstractItemView::NoSelection);
    preview_->setTabKeyNavigation(false); // Tab leaves the preview; arrows move between cells
    preview_->verticalHeader()->setDefaultSectionSize(preview_->fontMetrics().height() + 6);
    preview_->setMinimumHeight(120);

    featureList_ = new QListWidget;
    featureList_->setObjectName(QStringLiteral("dataset.csv.features"));
    featureList_->setMaximumHeight(110);
    selectAll_ = new QPushButton(tr("Select all"));
    selectAll_->setObjectName(QStringLiteral("selectAllFeatures"));
    selectAll_->setToolTip(tr("Tick every numeric column but the target"));
    selectNone_ = new QPushButton(tr("Select none"));
    selectNone_->setObjectName(QStringLiteral("selectNoFeatures"));
    selectNone_->setToolTip(tr("Untick every column"));
    auto* featureBox = new QWidget;
    auto* featureColumn = new QVBoxLayout(featureBox);
    featureColumn->setContentsMargins(0, 0, 0, 0);
    featureColumn->addWidget(featureList_);
    auto* featureButtons = new QHBoxLayout;
    featureButtons->addWidget(selectAll_);
    featureButtons->addWidget(selectNone_);
    featureButtons->addStretch(1);
    featureColumn->addLayout(featureButtons);
    target_ = new QComboBox;
    target_->setObjectName(QStringLiteral("dataset.csv.target"));
    rows_ = new QLabel;
    rows_->setObjectName(QStringLiteral("rows"));
    warnings_ = new QLabel;
    warnings_->setWordWrap(true);
    warnings_->hide();

    auto* columns = new QFormLayout;
    columns->addRow(tr("Features:"), featureBox);
    columns->addRow(tr("Target:"), target_);
    columns->addRow(tr("Rows:"), rows_);

    layout->addLayout(format);
    layout->addWidget(new QLabel(tr("First rows:")));
    layout->addWidget(preview_, 1);
    layout->addLayout(columns);
    layout->addWidget(warnings_);

    for (QWidget* w : std::initializer_list<QWidget*>{path_, browse_, delimiter_, header_, decimal_, missing_, featureList_, selectAll_,
                                                        selectNone_, target_})
        inputs_.push_back(w);

    connect(browse_, &QPushButton::clicked, this, &DataForm::browse);
    connect(path_, &QLineEdit::editingFinished, this, [this] {
        const QString text = path_->text().trimmed();
        if (updating_ || text.isEmpty() || text == pendingPath_)
            return;
        if (resolvedPath(text) != resolvedPath(config_.dataset.csv.path) || config_.dataset.source != DatasetConfig::Source::Csv)
            openCsv(text);
    });
    connect(delimiter_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        CsvConfig csv = config_.dataset.csv;
        csv.delimiter = delimiter_->currentData().toString();
        applyFormatOverride(csv, QStringLiteral("dataset.csv.delimiter"), tr("Change delimiter"));
    });
    connect(header_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        CsvConfig csv = config_.dataset.csv;
        const QString h = header_->currentData().toString();
        if (h == QLatin1String("detect"))
            csv.header.reset();
        else
            csv.header = h == QLatin1String("yes");
        applyFormatOverride(csv, QStringLiteral("dataset.csv.header"), tr("Change header row"));
    });
    connect(decimal_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        CsvConfig csv = config_.dataset.csv;
        csv.decimal = static_cast<CsvConfig::Decimal>(decimal_->currentData().toInt());
        applyFormatOverride(csv, QStringLiteral("dataset.csv.decimal"), tr("Change decimal separator"));
    });
    connect(missing_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        ExperimentConfig c = config_;
        c.dataset.csv.missing = static_cast<CsvConfig::Missing>(missing_->currentData().toInt());
        commit(c, QStringLiteral("dataset.csv.missing"), tr("Change missing values"));
    });
    connect(featureList_, &QListWidget::itemChanged, this, &DataForm::onFeatureItemChanged);
    connect(selectAll_, &QPushButton::clicked, this, [this] { tickFeatures(true); });
    connect(selectNone_, &QPushButton::clicked, this, [this] { tickFeatures(false); });
    connect(target_, &QComboBox::currentIndexChanged, this, &DataForm::onTargetChanged);
    return page;
}

QWidget* DataForm::buildSplitGroup()
{
    auto* group = new QGroupBox(tr("Train / validation split"));
    auto* form = new QFormLayout(group);
    auto* fraction = static_cast<CheckedSpin<ShortSpinBox>*>(makeDoubleSpin<CheckedSpin<ShortSpinBox>>(0.01, 0.99, 2, 0.05));
    trainFraction_ = fraction;
    trainFraction_->setToolTip(tr("The share of the rows used for training, from %1 to %2; the rest validates, so "
                                  "both parts keep some rows")
                                   .arg(fraction->minimumText(), fraction->maximumText()));
    splitError_ = makeErrorLabel(QStringLiteral("splitError"));
    explainRefusals(fraction, splitError_, [](const QString& refused, const QString& min, const QString& max) {
        return tr("A train fraction of %1 was not taken: it must be from %2 to %3, so that both training and "
                  "validation keep some rows.")
            .arg(refused, min, max);
    });
    shuffle_ = new QCheckBox(tr("Shuffle before splitting"));
    splitSeed_ = makeSeedSpin();
    trainFraction_->setObjectName(QStringLiteral("dataset.split.train_fraction"));
    shuffle_->setObjectName(QStringLiteral("dataset.split.shuffle"));
    splitSeed_->setObjectName(QStringLiteral("dataset.split.seed"));
    form->addRow(tr("Train fraction:"), trainFraction_);
    form->addRow(QString(), splitError_);
    form->addRow(QString(), shuffle_);
    splitSeed_->setToolTip(tr("Seeds the shuffle. Equal to the data seed, the shuffle continues the stream that drew "
                              "the data, as the tutorial's single np.random.seed(42) does, and it follows the data "
                              "seed while the two are equal."));
    form->addRow(tr("Split seed:"), splitSeed_);
    for (QWidget* w : std::initializer_list<QWidget*>{trainFraction_, shuffle_, splitSeed_})
        inputs_.push_back(w);

    connect(trainFraction_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (updating_)
            return;
        splitError_->hide();
        ExperimentConfig c = config_;
        c.dataset.split.trainFraction = v;
        commit(c, QStringLiteral("dataset.split.train_fraction"), tr("Change train fraction"));
    });
    connect(shuffle_, &QCheckBox::toggled, this, [this](bool on) {
        if (updating_)
            return;
        ExperimentConfig c = config_;
        c.dataset.split.shuffle = on;
        commit(c, QStringLiteral("dataset.split.shuffle"), on ? tr("Shuffle before splitting") : tr("Split without shuffling"));
    });
    connect(splitSeed_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (updating_)
            return;
        ExperimentConfig c = config_;
        c.dataset.split.seed = static_cast<quint32>(v);
        commit(c, QStringLiteral("dataset.split.seed"), tr("Change split seed"));
    });
    return group;
}

void DataForm::setConfig(const ExperimentConfig& config, const QString& projectDir)
{
    const QString oldFile = resolvedPath(config_.dataset.csv.path);
    // An edit elsewhere hands back the same file settings: a file chosen but unreadable stays in the
    // field with its error (and keeps blocking a run) rather than giving way to the previous file.
    const CsvConfig& a = config.dataset.csv;
    const CsvConfig& b = config_.dataset.csv;
    const bool keepPending = !pendingPath_.isEmpty() && projectDir == projectDir_
                             && config.dataset.source == config_.dataset.source && a.path == b.path
                             && a.embedded == b.embedded && a.delimiter == b.delimiter && a.header == b.header
                             && a.decimal == b.decimal;
    config_ = config;
    projectDir_ = projectDir;
    if (resolvedPath(config_.dataset.csv.path) != oldFile) {
        loadedRows_ = -1;
        loadedWarnings_.clear();
    }
    weightsError_->hide();
    weightsProblem_.clear();
    if (keepPending) {
        showConfig();
        return;
    }
    pendingPath_.clear();
    showConfig();
    refreshPreview();
}

ExperimentConfig DataForm::config() const { return config_; }

void DataForm::setEditable(bool editable)
{
    editable_ = editable;
    for (QWidget* w : inputs_)
        w->setEnabled(editable);
    showGenerator(); // the slope is also disabled when weights replace it
}

void DataForm::setLoadedRows(qint64 rows, const QStringList& warnings)
{
    loadedRows_ = rows;
    loadedWarnings_ = warnings;
    showRowCount();
}

void DataForm::commit(const ExperimentConfig& after, const QString& key, const QString& description)
{
    config_ = after;
    showProblems();
    emit edited(config_, key, description);
}

void DataForm::showConfig()
{
    {
        const QScopedValueRollback guard(updating_, true);
        // A file chosen but unreadable shows the CSV page (with the reader's message) even while
        // the configuration still generates its data.
        const bool csv = config_.dataset.source == DatasetConfig::Source::Csv || !pendingPath_.isEmpty();
        source_->setCurrentIndex(csv ? 1 : 0);
        pages_->setCurrentIndex(csv ? 1 : 0);
    }
    showGenerator();
    showCsvSettings();
    showSplit();
    showProblems();
}

void DataForm::showGenerator()
{
    const QScopedValueRollback guard(updating_, true);
    const auto& g = config_.dataset.generator;
    a_->setValue(g.a);
    b_->setValue(g.b);
    n_->setValue(static_cast<int>(std::min<qint64>(g.n, n_->maximum())));
    noise_->setValue(g.noise);
    xMin_->setValue(g.xMin);
    xMax_->setValue(g.xMax);
    genSeed_->setValue(g.seed);
    features_->setValue(g.features);
    weights_->setText(formatNumbers(g.weights));
    const bool several = g.features > 1;
    weightsLabel_->setVisible(several);
    weights_->setVisible(several);
    if (!several) {
        weightsError_->hide();
        weightsProblem_.clear();
    }
    b_->setEnabled(editable_ && !several);
}

void DataForm::showCsvSettings()
{
    {
        const QScopedValueRollback guard(updating_, true);
        const CsvConfig& csv = config_.dataset.csv;
        path_->setText(pendingPath_.isEmpty() ? csv.path : pendingPath_);
        int d = delimiter_->findData(csv.delimiter);
        if (d < 0) { // a delimiter set in the project file or by --set that the list lacks
            delimiter_->addItem(tr("“%1”").arg(csv.delimiter), csv.delimiter);
            d = delimiter_->count() - 1;
        }
        delimiter_->setCurrentIndex(d);
        header_->setCurrentIndex(!csv.header ? 0 : (*csv.header ? 1 : 2));
        missing_->setCurrentIndex(missing_->findData(static_cast<int>(csv.missing)));
        decimal_->setCurrentIndex(decimal_->findData(static_cast<int>(csv.decimal)));
    }
    showColumnPickers();
    showRowCount();
}

void DataForm::showSplit()
{
    const QScopedValueRollback guard(updating_, true);
    const auto& s = config_.dataset.split;
    trainFraction_->setValue(s.trainFraction);
    shuffle_->setChecked(s.shuffle);
    splitSeed_->setValue(s.seed);
}

void DataForm::showProblems()
{
    QStringList mine;
    for (const experiment::ConfigProblem& p : experiment::configProblems(config_))
        if (p.key.startsWith(QLatin1String("dataset")))
            mine << p.message;
    problems_->setText(mine.join(QLatin1Char('\n')));
    problems_->setVisible(!mine.isEmpty());
}

void DataForm::showRowCount()
{
    if (!pendingPath_.isEmpty()) {
        rows_->setText(tr("none: the file cannot be read"));
        warnings_->hide();
        return;
    }
    const qint64 rows = loadedRows_ >= 0 ? loadedRows_ : config_.dataset.csv.rows > 0 ? config_.dataset.csv.rows : previewRows_;
    if (rows < 0)
        rows_->setText(tr("counted when loaded"));
    else
        rows_->setText(rows == 1 ? tr("1 row") : tr("%1 rows").arg(QLocale().toString(rows)));
    QStringList warnings = previewWarnings_ + loadedWarnings_;
    warnings.removeDuplicates(); // the preview and the load both report the header's renamed columns
    warnings_->setText(warnings.join(QLatin1Char('\n')));
    warnings_->setVisible(!warnings.isEmpty());
}

void DataForm::showPreview(const data::CsvPreview* preview)
{
    decimal_->setItemText(0, tr("Automatic"));
    preview_->clear();
    columns_.clear();
    textColumns_.clear();
    previewWarnings_.clear();
    previewRows_ = -1;
    if (!preview) {
        preview_->setRowCount(0);
        preview_->setColumnCount(0);
        // Without a readable file the pickers still show the configured columns.
        const CsvConfig& csv = config_.dataset.csv;
        columns_ = csv.features;
        if (!csv.target.isEmpty() && !columns_.contains(csv.target))
            columns_ << csv.target;
        showColumnPickers();
        showRowCount();
        return;
    }
    decimal_->setItemText(0, preview->format.decimal == ',' ? tr("Automatic: comma") : tr("Automatic: point"));
    columns_ = fromStd(preview->format.columnNames);
    for (qsizetype i = 0; i < columns_.size(); ++i)
        if (!isNumericColumn(*preview, static_cast<std::size_t>(i)))
            textColumns_ << columns_[i];
    previewWarnings_ = experiment::translated(preview->warnings);
    if (preview->wholeFile)
        previewRows_ = static_cast<qint64>(preview->rows.size());
    const int rowCount = static_cast<int>(preview->rows.size());
    preview_->setColumnCount(static_cast<int>(columns_.size()));
    preview_->setRowCount(rowCount);
    QStringList headers;
    for (const QString& name : std::as_const(columns_))
        headers << oneLineName(name);
    preview_->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rowCount; ++r) {
        const auto& fields = preview->rows[static_cast<std::size_t>(r)];
        for (std::size_t c = 0; c < fields.size() && c < static_cast<std::size_t>(columns_.size()); ++c)
            preview_->setItem(r, static_cast<int>(c), new QTableWidgetItem(fromStd(fields[c])));
    }
    preview_->resizeColumnsToContents();
    showColumnPickers();
    showRowCount();
}

void DataForm::showUnreadable()
{
    decimal_->setItemText(0, tr("Automatic"));
    preview_->clear();
    preview_->setRowCount(0);
    preview_->setColumnCount(0);
    columns_.clear();
    textColumns_.clear();
    previewWarnings_.clear();
    previewRows_ = -1;
    showColumnPickers();
    showRowCount();
}

void DataForm::showColumnPickers()
{
    const QScopedValueRollback guard(updating_, true);
    const CsvConfig& csv = config_.dataset.csv;
    featureList_->clear();
    target_->clear();
    for (const QString& name : std::as_const(columns_)) {
        auto* item = new QListWidgetItem(featureList_);
        item->setData(Qt::UserRole, name); // the column's name; the text may say more
        if (name == csv.target) {
            // Readable like the others, but with no box to tick: a column cannot predict itself.
            item->setText(tr("%1 (target)").arg(oneLineName(name)));
            item->setFlags(Qt::ItemIsEnabled);
            item->setToolTip(tr("The target: the column the model predicts. Choose another target to use it as a feature."));
            QFont italic = item->font();
            italic.setItalic(true);
            item->setFont(italic);
        } else {
            const bool text = textColumns_.contains(name);
            item->setText(text ? tr("%1 (text)").arg(oneLineName(name)) : oneLineName(name));
            if (text)
                item->setToolTip(tr("The first rows of this column hold text, not numbers: it cannot be a feature."));
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            item->setCheckState(csv.features.contains(name) ? Qt::Checked : Qt::Unchecked);
        }
        target_->addItem(oneLineName(name), name);
    }
    target_->setCurrentIndex(target_->findData(csv.target));
}

QString DataForm::resolvedPath(const QString& path) const
{
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).isAbsolute())
        return QDir::cleanPath(path);
    const QDir base(projectDir_.isEmpty() ? QDir::currentPath() : projectDir_);
    return QDir::cleanPath(base.absoluteFilePath(path));
}

bool DataForm::readPreview(const CsvConfig& csv, data::CsvPreview& preview, QString* error) const
{
    data::CsvReadOptions options;
    if (!csv.delimiter.isEmpty())
        options.delimiter = csv.delimiter.at(0).toLatin1();
    options.hasHeader = csv.header;
    options.decimal = experiment::decimalSeparator(csv.decimal);
    const QString file = resolvedPath(csv.path);
    const bool useEmbedded = !csv.embedded.isEmpty() && (file.isEmpty() || !QFileInfo::exists(file));
    const QString shown = file.isEmpty() ? tr("the embedded data") : QDir::toNativeSeparators(file);
    if (file.isEmpty() && !useEmbedded) {
        *error = tr("No CSV file is chosen.");
        return false;
    }
    auto result = useEmbedded ? data::previewCsvText(csv.embedded.toStdString(), kPreviewRows, options)
                              : data::previewCsvFile(std::filesystem::path(file.toStdU16String()), kPreviewRows, options);
    if (!result) {
        QString message = experiment::translated(result.error().text);
        if (message.contains(file) && !file.isEmpty()) { // it names the file already ("cannot open …")
            message[0] = message[0].toUpper();
            *error = message;
        } else {
            *error = tr("Cannot read %1: %2").arg(shown, message);
        }
        return false;
    }
    const data::CsvPreview& p = result.value();
    const std::size_t columns = p.format.columnNames.size();
    if (columns < 2) {
        *error = tr("Cannot use %1: it has only one column, and a data set needs at least one feature column and a target "
                    "column. Is the delimiter right?")
                     .arg(shown);
        return false;
    }
    if (p.rows.empty()) {
        *error = tr("Cannot use %1: it has no data rows.").arg(shown);
        return false;
    }
    for (std::size_t r = 0; r < p.rows.size(); ++r) {
        if (p.rows[r].size() != columns) {
            const QString fields = p.rows[r].size() == 1 ? tr("1 field") : tr("%1 fields").arg(p.rows[r].size());
            *error = tr("Cannot read %1: data row %2 has %3, but the file has %4 columns.")
                         .arg(shown, QString::number(r + 1), fields, QString::number(columns));
            return false;
        }
    }
    preview = result.value();
    return true;
}

void DataForm::setReaderError(const QString& message)
{
    readerError_->setText(message);
    readerError_->setVisible(!message.isEmpty());
    emit readerErrorChanged();
}

void DataForm::refreshPreview()
{
    const CsvConfig& csv = config_.dataset.csv;
    if (config_.dataset.source != DatasetConfig::Source::Csv || (csv.path.isEmpty() && csv.embedded.isEmpty())) {
        fileError_.clear();
        setReaderError({});
        showPreview(nullptr);
        return;
    }
    data::CsvPreview preview;
    QString error;
    if (readPreview(csv, preview, &error)) {
        fileError_.clear();
        setReaderError({});
        showPreview(&preview);
    } else {
        fileError_ = error;
        setReaderError(error);
        showPreview(nullptr);
    }
}

void DataForm::openCsv(const QString& path)
{
    const QString file = resolvedPath(path.trimmed());
    ExperimentConfig c = config_;
    c.dataset.source = DatasetConfig::Source::Csv;
    CsvConfig& csv = c.dataset.csv;
    csv.path = file;
    // The format overrides describe a file: a new one starts from detection.
    csv.delimiter.clear();
    csv.header.reset();
    csv.decimal = CsvConfig::Decimal::Auto;
    csv.sha256.clear();
    csv.rows = 0;
    csv.embedded.clear();

    data::CsvPreview preview;
    QString error;
    if (!readPreview(csv, preview, &error)) {
        // The configuration keeps the previous file, but nothing on screen describes it any more: the
        // field shows the file the user chose, and runBlockers() stops a run until it is resolved.
        pendingPath_ = file;
        fileError_ = error;
        setReaderError(error);
        {
            const QScopedValueRollback guard(updating_, true);
            path_->setText(file);
        }
        showConfig();
        showUnreadable();
        return;
    }

    defaultPicks(preview, csv, c.model.type);

    pendingPath_.clear();
    fileError_.clear();
    loadedRows_ = -1;
    loadedWarnings_.clear();
    setReaderError({});
    config_ = c;
    showConfig();
    showPreview(&preview);
    commit(c, QStringLiteral("dataset.csv.path"), tr("Open %1").arg(QFileInfo(file).fileName()));
}

void DataForm::applyFormatOverride(const CsvConfig& changed, const QString& key, const QString& description)
{
    ExperimentConfig c = config_;
    CsvConfig& csv = c.dataset.csv;
    csv = changed;
    if (!pendingPath_.isEmpty()) {
        csv.path = pendingPath_;
        csv.sha256.clear();
        csv.rows = 0;
        csv.embedded.clear();
        csv.features.clear();
        csv.target.clear();
    }
    c.dataset.source = DatasetConfig::Source::Csv;

    data::CsvPreview preview;
    QString error;
    if (!readPreview(csv, preview, &error)) {
        if (!pendingPath_.isEmpty())
            fileError_ = error;
        setReaderError(error);
        showCsvSettings(); // back to the configuration's settings
        return;
    }

    // Picks that the new layout no longer has give way to the defaults of a freshly opened file.
    const QStringList names = fromStd(preview.format.columnNames);
    bool picksValid = names.contains(csv.target) && !csv.features.isEmpty();
    for (const QString& f : std::as_const(csv.features))
        picksValid = picksValid && names.contains(f);
    if (!picksValid)
        defaultPicks(preview, csv, c.model.type);
    const bool newFile = !pendingPath_.isEmpty();
    pendingPath_.clear();
    fileError_.clear();
    if (newFile) {
        loadedRows_ = -1;
        loadedWarnings_.clear();
    }
    setReaderError({});
    config_ = c;
    showConfig();
    showPreview(&preview);
    commit(c, key, description);
}

void DataForm::onSourceChanged(int index)
{
    if (updating_)
        return;
    ExperimentConfig c = config_;
    c.dataset.source = static_cast<DatasetConfig::Source>(source_->itemData(index).toInt());
    const bool unchanged = c.dataset.source == config_.dataset.source; // only a pending file is dropped
    pendingPath_.clear();
    config_ = c;
    pages_->setCurrentIndex(index);
    showCsvSettings();
    refreshPreview();
    if (unchanged) {
        showProblems();
        return;
    }
    commit(c, QStringLiteral("dataset.source"),
           c.dataset.source == DatasetConfig::Source::Csv ? tr("Load data from CSV") : tr("Generate data"));
}

void DataForm::onFeaturesCountChanged(int count)
{
    if (updating_)
        return;
    ExperimentConfig c = config_;
    auto& g = c.dataset.generator;
    g.features = count;
    if (count == 1) {
        g.weights.clear();
    } else {
        // New features start with the slope's weight, so the data changes as little as possible.
        if (g.weights.empty())
            g.weights.push_back(g.b);
        g.weights.resize(static_cast<std::size_t>(count), g.b);
    }
    weightsError_->hide();
    weightsProblem_.clear();
    config_ = c;
    showGenerator();
    commit(c, QStringLiteral("dataset.generator.features"), tr("Change feature count"));
}

void DataForm::onWeightsEdited()
{
    if (updating_)
        return;
    const int count = config_.dataset.generator.features;
    std::vector<double> values;
    QString problem;
    const QStringList parts = weights_->text().split(QLatin1Char(','));
    for (const QString& part : parts) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            problem = tr("“%1” is not a number.").arg(part.trimmed());
            break;
        }
        values.push_back(v);
    }
    if (problem.isEmpty() && static_cast<int>(values.size()) != count)
        problem = tr("Enter %1 weights, one per feature, separated by commas.").arg(count);
    weightsProblem_ = problem;
    if (!problem.isEmpty()) {
        weightsError_->setText(problem);
        weightsError_->show();
        return;
    }
    weightsError_->hide();
    if (values == config_.dataset.generator.weights)
        return;
    ExperimentConfig c = config_;
    c.dataset.generator.weights = values;
    commit(c, QStringLiteral("dataset.generator.weights"), tr("Change weights"));
}

void DataForm::onFeatureItemChanged(QListWidgetItem*)
{
    if (updating_)
        return;
    ExperimentConfig c = config_;
    c.dataset.csv.features.clear();
    for (int i = 0; i < featureList_->count(); ++i)
        if (featureList_->item(i)->checkState() == Qt::Checked)
            c.dataset.csv.features << featureList_->item(i)->data(Qt::UserRole).toString();
    commit(c, QStringLiteral("dataset.csv.features"), tr("Change feature columns"));
}

void DataForm::tickFeatures(bool all)
{
    if (updating_)
        return;
    ExperimentConfig c = config_;
    CsvConfig& csv = c.dataset.csv;
    csv.features.clear();
    if (all)
        for (const QString& name : std::as_const(columns_))
            if (name != csv.target && !textColumns_.contains(name))
                csv.features << name;
    if (csv.features == config_.dataset.csv.features)
        return;
    config_ = c;
    showColumnPickers();
    commit(c, QStringLiteral("dataset.csv.features"), all ? tr("Select all feature columns") : tr("Select no feature columns"));
}

QStringList DataForm::runBlockers() const
{
    QStringList out;
    // A chosen file that was not taken: the form shows it, whatever the configuration's source. (The
    // project's own file is read again when Run loads the data, which says if it still cannot be.)
    const bool csv = config_.dataset.source == DatasetConfig::Source::Csv || !pendingPath_.isEmpty();
    if (!pendingPath_.isEmpty() && !fileError_.isEmpty()) {
        // The reader's messages name the file already ("Cannot read …: …"): not said twice.
        const QString path = QDir::toNativeSeparators(pendingPath_);
        out << (fileError_.contains(path) ? fileError_ : tr("The file %1 cannot be read: %2").arg(path, fileError_));
    }
    if (!csv && config_.dataset.generator.features > 1 && !weightsProblem_.isEmpty())
        out << tr("The weights “%1” were not taken: %2 The run would use the previous weights.")
                   .arg(weights_->text().trimmed(), weightsProblem_);
    return out;
}

void DataForm::onTargetChanged(int index)
{
    if (updating_ || index < 0)
        return;
    ExperimentConfig c = config_;
    c.dataset.csv.target = target_->itemData(index).toString();
    c.dataset.csv.features.removeAll(c.dataset.csv.target); // a column cannot predict itself
    config_ = c;
    showColumnPickers();
    commit(c, QStringLiteral("dataset.csv.target"), tr("Change target column"));
}

void DataForm::browse()
{
    const QString current = resolvedPath(config_.dataset.csv.path);
    const QString start = !current.isEmpty() ? QFileInfo(current).absolutePath()
                          : !projectDir_.isEmpty() ? projectDir_
                                                   : QDir::currentPath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open CSV File"), start,
                                                      tr("CSV files (*.csv);;TSV files (*.tsv);;Text files (*.txt);;All files (*)"));
    if (!file.isEmpty())
        openCsv(file);
}

void DataForm::dragEnterEvent(QDragEnterEvent* event)
{
    if (editable_ && !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void DataForm::dropEvent(QDropEvent* event)
{
    const QString file = droppedFile(event->mimeData());
    if (!editable_ || file.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openCsv(file);
}

} // namespace gradlab::widgets
