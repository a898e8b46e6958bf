// ExperimentConfig: the one description of an experiment. The forms edit it, the project file
// stores it, gradlab-cli's --set changes it; nothing else holds settings. Its defaults are the
// tutorial's experiment.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace gradlab::experiment {

struct GeneratorConfig {
    qint64 n = 100;
    double a = 1.0;     // intercept (w0)
    double b = 2.0;     // slope, for one feature
    double noise = 0.1; // σ
    double xMin = 0.0, xMax = 1.0;
    int features = 1;
    std::vector<double> weights; // w1..wk; needed when features > 1, replaces b when one is given with 1 feature
    quint32 seed = 42;
};

struct CsvConfig {
    QString path; // as written in the project file: relative to it when possible
    QStringList features;
    QString target;
    QString delimiter; // empty: detect
    std::optional<bool> header; // unset: detect
    enum class Missing { Error, Drop } missing = Missing::Error;
    // The decimal separator: "auto" detects it (a file without the key is read so), "." or ",".
    enum class Decimal { Auto, Point, Comma } decimal = Decimal::Auto;
    QString sha256; // of the file when last loaded
    qint64 rows = 0;
    QString embedded; // the CSV text itself, for a project that travels as one file
};

struct SplitConfig {
    double trainFraction = 0.8;
    bool shuffle = true;
    quint32 seed = 42;
};

struct DatasetConfig {
    enum class Source { Generated, Csv } source = Source::Generated;
    GeneratorConfig generator;
    CsvConfig csv;
    SplitConfig split;
};

struct InitConfig {
    enum class Scheme { Torch, Zeros, Custom } scheme = Scheme::Torch;
    quint64 seed = 42;
    std::map<QString, std::vector<double>> values; // custom: parameter name -> values
};

struct ModelConfig {
    enum class Type { ScalarLinear, Linear, Polynomial, Mlp } type = Type::ScalarLinear;
    int degree = 2;
    std::vector<int> hidden{8};
    QString activation = QStringLiteral("tanh"); // relu, tanh, sigmoid
    InitConfig init;
    QStringList frozen; // parameters that do not require grad
};

struct LossConfig {
    enum class Type { Mse, L1, Huber, SmoothL1 } type = Type::Mse;
    enum class Reduction { Mean, Sum } reduction = Reduction::Mean;
    double delta = 1.0; // Huber
    double beta = 1.0;  // SmoothL1
};

// Every option of every optimizer; those a type does not have are ignored (and not written).
struct OptimizerConfig {
    enum class Type { Sgd, Adam, AdamW, RmsProp, Adagrad } type = Type::Sgd;
    double lr = 0.1;
    double momentum = 0.0;
    double dampening = 0.0;
    bool nesterov = false;
    double weightDecay = 0.0;
    bool maximize = false;
    double beta1 = 0.9, beta2 = 0.999;
    double eps = 1e-8;
    bool amsgrad = false;
    double alpha = 0.99;
    bool centered = false;
    double lrDecay = 0.0;
    double initialAccumulatorValue = 0.0;

    // torch.optim's defaults for `type` (SGD: lr 0.1, the tutorial's choice, as torch has none).
    static OptimizerConfig defaults(Type type);
};

struct TrainingConfig {
    qint64 epochs = 1000;
    qint64 batchSize = 0; // 0: full batch
    bool shuffle = false;
    quint32 seed = 42;
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("float32");
    // optimizer.zero_grad() after every step, as the tutorial's train_step does. Off, gradients
    // add up across steps (the tutorial's section 2.3: gradients are "clingy").
    bool zeroGrad = true;
};

struct ExperimentConfig {
    DatasetConfig dataset;
    ModelConfig model;
    LossConfig loss;
    OptimizerConfig optimizer;
    TrainingConfig training;

    // The tutorial's experiment (the defaults above).
    static ExperimentConfig tutorial() { return {}; }
};

// JSON: the public contract of the project file and of --set.
inline constexpr int kProjectVersion = 1;
inline constexpr char kProjectFormat[] = "gradlab-project";

QJsonObject toJson(const ExperimentConfig& config);

// Reads a configuration; on a problem returns nullopt and a message that names the field
// ("optimizer.lr: expected a number, got \"fast\"").
std::optional<ExperimentConfig> fromJson(const QJsonObject& json, QString* error);

// --set KEY=VALUE: `key` is a dotted path into the JSON form, `value` a JSON value (a bare word
// is taken as a string). Unknown keys and invalid values are errors that name them.
bool applySetting(ExperimentConfig& config, const QString& key, const QString& value, QString* error);

// Impossible values that cannot start a run (lr ≤ 0, epochs 0, a train fraction outside (0, 1),
// no target column, ...): each one's JSON key ("optimizer.lr") and a translated message in the
// words of the forms ("The learning rate must be greater than 0"). Empty when the run can start.
struct ConfigProblem {
    QString key;
    QString message;
};
QList<ConfigProblem> configProblems(const ExperimentConfig& config);

// configProblems' messages.
QStringList validate(const ExperimentConfig& config);

// Names used in JSON and by the forms.
QString jsonName(DatasetConfig::Source v);
QString jsonName(ModelConfig::Type v);
QString jsonName(InitConfig::Scheme v);
QString jsonName(LossConfig::Type v);
QString jsonName(LossConfig::Reduction v);
QString jsonName(OptimizerConfig::Type v);
QString jsonName(CsvConfig::Missing v);
QString jsonName(CsvConfig::Decimal v);
// The reader's decimal separator for a setting: none (detect), '.' or ','.
std::optional<char> decimalSeparator(CsvConfig::Decimal v);

} // namespace gradlab::experiment
