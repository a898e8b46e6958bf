#include "experiment_config.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace gradlab::experiment {
namespace {

// The translation context of this file's messages.
struct ConfigText {
    Q_DECLARE_TR_FUNCTIONS(ConfigText)
};

template <typename E> struct EnumNames {
    std::vector<std::pair<E, const char*>> names;
    QString name(E v) const
    {
        for (const auto& [e, n] : names)
            if (e == v)
                return QString::fromLatin1(n);
        return {};
    }
    std::optional<E> parse(const QString& s) const
    {
        for (const auto& [e, n] : names)
            if (s == QLatin1String(n))
                return e;
        return std::nullopt;
    }
    QString list() const
    {
        QStringList l;
        for (const auto& [e, n] : names)
            l << QString::fromLatin1(n);
        return l.join(QStringLiteral(", "));
    }
};

const EnumNames<DatasetConfig::Source> kSources{{{DatasetConfig::Source::Generated, "generated"}, {DatasetConfig::Source::Csv, "csv"}}};
const EnumNames<ModelConfig::Type> kModels{{{ModelConfig::Type::ScalarLinear, "scalar_linear"},
                                            {ModelConfig::Type::Linear, "linear"},
                                            {ModelConfig::Type::Polynomial, "polynomial"},
                                            {ModelConfig::Type::Mlp, "mlp"}}};
const EnumNames<InitConfig::Scheme> kSchemes{{{InitConfig::Scheme::Torch, "torch"}, {InitConfig::Scheme::Zeros, "zeros"}, {InitConfig::Scheme::Custom, "custom"}}};
const EnumNames<LossConfig::Type> kLosses{{{LossConfig::Type::Mse, "mse"}, {LossConfig::Type::L1, "l1"}, {LossConfig::Type::Huber, "huber"}, {LossConfig::Type::SmoothL1, "smooth_l1"}}};
const EnumNames<LossConfig::Reduction> kReductions{{{LossConfig::Reduction::Mean, "mean"}, {LossConfig::Reduction::Sum, "sum"}}};
const EnumNames<OptimizerConfig::Type> kOptimizers{{{OptimizerConfig::Type::Sgd, "sgd"},
                                                    {OptimizerConfig::Type::Adam, "adam"},
                                                    {OptimizerConfig::Type::AdamW, "adamw"},
                                                    {OptimizerConfig::Type::RmsProp, "rmsprop"},
                                                    {OptimizerConfig::Type::Adagrad, "adagrad"}}};
const EnumNames<CsvConfig::Missing> kMissing{{{CsvConfig::Missing::Error, "error"}, {CsvConfig::Missing::Drop, "drop"}}};
const EnumNames<CsvConfig::Decimal> kDecimal{
    {{CsvConfig::Decimal::Auto, "auto"}, {CsvConfig::Decimal::Point, "."}, {CsvConfig::Decimal::Comma, ","}}};

// The options each optimizer has, as torch.optim names them.
QStringList optimizerKeys(OptimizerConfig::Type t)
{
    using T = OptimizerConfig::Type;
    switch (t) {
    case T::Sgd: return {"lr", "momentum", "dampening", "nesterov", "weight_decay", "maximize"};
    case T::Adam:
    case T::AdamW: return {"lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"};
    case T::RmsProp: return {"lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"};
    case T::Adagrad: return {"lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"};
    }
    return {};
}

QString jsonTypeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return ConfigText::tr("null");
    case QJsonValue::Bool: return ConfigText::tr("a boolean");
    case QJsonValue::Double: return ConfigText::tr("a number");
    case QJsonValue::String: return ConfigText::tr("a string");
    case QJsonValue::Array: return ConfigText::tr("an array");
    case QJsonValue::Object: return ConfigText::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return ConfigText::tr("nothing");
}

// Reads one JSON object, field by field, remembering the first problem with its dotted path.
class Reader {
public:
    Reader(const QJsonObject& obj, QString path, QString* error) : obj_(obj), path_(std::move(path)), error_(error) {}

    bool ok() const { return error_->isEmpty(); }
    QString where(const QString& key) const { return path_.isEmpty() ? key : path_ + QLatin1Char('.') + key; }
    void fail(const QString& key, const QString& what)
    {
        if (error_->isEmpty())
            *error_ = ConfigText::tr("%1: %2", "a field of the file, then what is wrong with it").arg(where(key), what);
    }

    // Every key present must be one of `known`.
    void allowOnly(const QStringList& known)
    {
        for (auto it = obj_.begin(); it != obj_.end(); ++it)
            if (!known.contains(it.key()))
                fail(it.key(), ConfigText::tr("unknown field (expected one of: %1)").arg(known.join(QStringLiteral(", "))));
    }

    bool has(const QString& key) const { return obj_.contains(key); }

    QJsonValue value(const QString& key, bool required)
    {
        const QJsonValue v = obj_.value(key);
        if (v.isUndefined() && required)
            fail(key, ConfigText::tr("missing required field"));
        return v;
    }

    void number(const QString& key, double& out, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return;
        // A word is shown as given (--set optimizer.lr=NaN is a word, not "a string" to the user).
        static const QRegularExpression nonFinite(QStringLiteral("^[+-]?(nan|inf|infinity)$"), QRegularExpression::CaseInsensitiveOption);
        if (v.isString() && nonFinite.match(v.toString().trimmed()).hasMatch()) {
            fail(key, ConfigText::tr("expected a finite number, got %1").arg(v.toString()));
            return;
        }
        if (v.isString()) {
            fail(key, ConfigText::tr("expected a number, got \"%1\"").arg(v.toString()));
            return;
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(key, ConfigText::tr("expected a number, got %1").arg(jsonTypeName(v)));
            return;
        }
        out = v.toDouble();
    }

    template <typename I> void integer(const QString& key, I& out, double min, double max, bool required = false)
    {
        double d = static_cast<double>(out);
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return;
        number(key, d);
        if (!ok())
            return;
        if (d != std::floor(d) || d < min || d > max) {
            fail(key, ConfigText::tr("expected a whole number from %1 to %2, got %3").arg(min, 0, 'g', 17).arg(max, 0, 'g', 17).arg(d, 0, 'g', 17));
            return;
        }
        out = static_cast<I>(d);
    }

    void boolean(const QString& key, bool& out)
    {
        const QJsonValue v = value(key, false);
        if (v.isUndefined())
            return;
        if (!v.isBool()) {
            fail(key, ConfigText::tr("expected true or false, got %1").arg(jsonTypeName(v)));
            return;
        }
        out = v.toBool();
    }

    void string(const QString& key, QString& out, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return;
        if (!v.isString()) {
            fail(key, ConfigText::tr("expected a string, got %1").arg(jsonTypeName(v)));
            return;
        }
        out = v.toString();
    }

    template <typename E> void choice(const QString& key, const EnumNames<E>& names, E& out, bool required = false)
    {
        QString s;
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return;
        string(key, s);
        if (!ok())
            return;
        if (auto e = names.parse(s))
            out = *e;
        else
            fail(key, ConfigText::tr("unknown value \"%1\" (expected one of: %2)").arg(s, names.list()));
    }

    void numbers(const QString& key, std::vector<double>& out)
    {
        const QJsonValue v = value(key, false);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            fail(key, ConfigText::tr("expected an array of numbers, got %1").arg(jsonTypeName(v)));
            return;
        }
        out.clear();
        for (const QJsonValue e : v.toArray()) {
            if (!e.isDouble() || !std::isfinite(e.toDouble())) {
                fail(key, ConfigText::tr("expected an array of numbers, found %1 in it").arg(jsonTypeName(e)));
                return;
            }
            out.push_back(e.toDouble());
        }
    }

    void strings(const QString& key, QStringList& out)
    {
        const QJsonValue v = value(key, false);
        if (v.isUndefined())
            return;
        if (!v.isArray()) {
            fail(key, ConfigText::tr("expected an array of strings, got %1").arg(jsonTypeName(v)));
            return;
        }
        out.clear();
        for (const QJsonValue e : v.toArray()) {
            if (!e.isString()) {
                fail(key, ConfigText::tr("expected an array of strings, found %1 in it").arg(jsonTypeName(e)));
                return;
            }
            out << e.toString();
        }
    }

    // A nested object; an absent optional one reads as empty.
    QJsonObject object(const QString& key, bool required)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(key, ConfigText::tr("expected an object, got %1").arg(jsonTypeName(v)));
            return {};
        }
        return v.toObject();
    }

private:
    QJsonObject obj_;
    QString path_;
    QString* error_;
};

QJsonArray numbersJson(const std::vector<double>& v)
{
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

void readGenerator(const QJsonObject& o, GeneratorConfig& g, QString* error)
{
    Reader r(o, QStringLiteral("dataset.generator"), error);
    r.allowOnly({"n", "a", "b", "noise", "x_min", "x_max", "features", "weights", "seed", "rng"});
    r.integer("n", g.n, 1, 1e12);
    r.number("a", g.a);
    r.number("b", g.b);
    r.number("noise", g.noise);
    r.number("x_min", g.xMin);
    r.number("x_max", g.xMax);
    r.integer("features", g.features, 1, 1000);
    r.numbers("weights", g.weights);
    r.integer("seed", g.seed, 0, 4294967295.0);
    QString rng = QStringLiteral("numpy");
    r.string("rng", rng);
    if (r.ok() && rng != QLatin1String("numpy"))
        r.fail(QStringLiteral("rng"), ConfigText::tr("unknown value \"%1\" (expected one of: numpy)").arg(rng));
}

void readCsv(const QJsonObject& o, CsvConfig& c, QString* error)
{
    Reader r(o, QStringLiteral("dataset.csv"), error);
    r.allowOnly({"path", "features", "target", "delimiter", "header", "missing", "decimal", "sha256", "rows", "embedded"});
    r.string("path", c.path);
    r.strings("features", c.features);
    r.string("target", c.target);
    r.string("delimiter", c.delimiter);
    if (r.has(QStringLiteral("header"))) {
        const QJsonValue h = o.value(QStringLiteral("header"));
        if (h.isNull())
            c.header.reset();
        else if (h.isBool())
            c.header = h.toBool();
        else
            r.fail(QStringLiteral("header"), ConfigText::tr("expected true, false or null (detect), got %1").arg(jsonTypeName(h)));
    }
    r.choice("missing", kMissing, c.missing);
    if (r.has(QStringLiteral("decimal"))) {
        QString decimal;
        r.string("decimal", decimal);
        if (const auto d = kDecimal.parse(decimal))
            c.decimal = *d;
        else if (r.ok())
            r.fail(QStringLiteral("decimal"), ConfigText::tr("expected \"auto\", \".\" or \",\", got \"%1\"").arg(decimal));
    }
    r.string("sha256", c.sha256);
    r.integer("rows", c.rows, 0, 1e15);
    r.string("embedded", c.embedded);
    if (r.ok() && c.delimiter.size() > 1)
        r.fail(QStringLiteral("delimiter"), ConfigText::tr("expected one character (or empty to detect), got \"%1\"").arg(c.delimiter));
}

void readOptimizer(const QJsonObject& o, OptimizerConfig& opt, QString* error)
{
    Reader r(o, QStringLiteral("optimizer"), error);
    OptimizerConfig::Type type = OptimizerConfig::Type::Sgd;
    r.choice("type", kOptimizers, type, true);
    if (!r.ok())
        return;
    opt = OptimizerConfig::defaults(type);
    QStringList known = optimizerKeys(type);
    known << QStringLiteral("type");
    r.allowOnly(known);
    r.number("lr", opt.lr);
    r.number("momentum", opt.momentum);
    r.number("dampening", opt.dampening);
    r.boolean("nesterov", opt.nesterov);
    r.number("weight_decay", opt.weightDecay);
    r.boolean("maximize", opt.maximize);
    std::vector<double> betas{opt.beta1, opt.beta2};
    r.numbers("betas", betas);
    if (r.ok() && betas.size() != 2)
        r.fail(QStringLiteral("betas"), ConfigText::tr("expected two numbers, got %1").arg(betas.size()));
    else if (betas.size() == 2) {
        opt.beta1 = betas[0];
        opt.beta2 = betas[1];
    }
    r.number("eps", opt.eps);
    r.boolean("amsgrad", opt.amsgrad);
    r.number("alpha", opt.alpha);
    r.boolean("centered", opt.centered);
    r.number("lr_decay", opt.lrDecay);
    r.number("initial_accumulator_value", opt.initialAccumulatorValue);
}

void readModel(const QJsonObject& o, ModelConfig& m, QString* error)
{
    Reader r(o, QStringLiteral("model"), error);
    r.allowOnly({"type", "degree", "hidden", "activation", "init", "frozen"});
    r.choice("type", kModels, m.type, true);
    r.integer("degree", m.degree, 1, 20);
    std::vector<double> hidden;
    r.numbers("hidden", hidden);
    if (r.ok() && r.has(QStringLiteral("hidden"))) {
        m.hidden.clear();
        for (double h : hidden) {
            if (h != std::floor(h) || h < 1 || h > 100000) {
                r.fail(QStringLiteral("hidden"), ConfigText::tr("expected layer sizes from 1 to 100000, got %1").arg(h, 0, 'g', 17));
                break;
            }
            m.hidden.push_back(static_cast<int>(h));
        }
    }
    r.string("activation", m.activation);
    if (r.ok() && !QStringList{"relu", "tanh", "sigmoid"}.contains(m.activation))
        r.fail(QStringLiteral("activation"), ConfigText::tr("unknown value \"%1\" (expected one of: relu, tanh, sigmoid)").arg(m.activation));
    r.strings("frozen", m.frozen);
    const QJsonObject init = r.object(QStringLiteral("init"), false);
    if (!r.ok())
        return;
    Reader ri(init, QStringLiteral("model.init"), error);
    ri.allowOnly({"scheme", "seed", "values"});
    ri.choice("scheme", kSchemes, m.init.scheme);
    ri.integer("seed", m.init.seed, 0, 9007199254740992.0);
    const QJsonObject values = ri.object(QStringLiteral("values"), false);
    m.init.values.clear();
    for (auto it = values.begin(); it != values.end() && ri.ok(); ++it) {
        const QString where = QStringLiteral("values.") + it.key();
        if (it.value().isDouble() && std::isfinite(it.value().toDouble())) {
            m.init.values[it.key()] = {it.value().toDouble()};
        } else if (it.value().isArray()) {
            std::vector<double> v;
            Reader(values, QStringLiteral("model.init.values"), error).numbers(it.key(), v);
            m.init.values[it.key()] = v;
        } else {
            ri.fail(where, ConfigText::tr("expected a number or an array of numbers, got %1").arg(jsonTypeName(it.value())));
        }
    }
}

} // namespace

OptimizerConfig OptimizerConfig::defaults(Type type)
{
    OptimizerConfig o;
    o.type = type;
    switch (type) {
    case Type::Sgd: o.lr = 0.1; break;
    case Type::Adam: o.lr = 1e-3; break;
    case Type::AdamW:
        o.lr = 1e-3;
        o.weightDecay = 1e-2;
        break;
    case Type::RmsProp: o.lr = 1e-2; break;
    case Type::Adagrad:
        o.lr = 1e-2;
        o.eps = 1e-10;
        break;
    }
    return o;
}

QString jsonName(DatasetConfig::Source v) { return kSources.name(v); }
QString jsonName(ModelConfig::Type v) { return kModels.name(v); }
QString jsonName(InitConfig::Scheme v) { return kSchemes.name(v); }
QString jsonName(LossConfig::Type v) { return kLosses.name(v); }
QString jsonName(LossConfig::Reduction v) { return kReductions.name(v); }
QString jsonName(OptimizerConfig::Type v) { return kOptimizers.name(v); }
QString jsonName(CsvConfig::Missing v) { return kMissing.name(v); }
QString jsonName(CsvConfig::Decimal v) { return kDecimal.name(v); }

std::optional<char> decimalSeparator(CsvConfig::Decimal v)
{
    if (v == CsvConfig::Decimal::Auto)
        return std::nullopt;
    return v == CsvConfig::Decimal::Comma ? ',' : '.';
}

QJsonObject toJson(const ExperimentConfig& c)
{
    const GeneratorConfig& g = c.dataset.generator;
    QJsonObject gen{{"n", static_cast<double>(g.n)}, {"a", g.a}, {"b", g.b}, {"noise", g.noise}, {"x_min", g.xMin},
                    {"x_max", g.xMax}, {"features", g.features}, {"seed", static_cast<double>(g.seed)}, {"rng", "numpy"}};
    // One feature may have a weight too (it replaces b); none leaves older files' bytes as they were.
    if (g.features > 1 || !g.weights.empty())
        gen.insert(QStringLiteral("weights"), numbersJson(g.weights));
    QJsonObject dataset{{"source", jsonName(c.dataset.source)},
                        {"generator", gen},
                        {"split", QJsonObject{{"train_fraction", c.dataset.split.trainFraction},
                                              {"shuffle", c.dataset.split.shuffle},
                                              {"seed", static_cast<double>(c.dataset.split.seed)}}}};
    if (c.dataset.source == DatasetConfig::Source::Csv || !c.dataset.csv.path.isEmpty()) {
        const CsvConfig& s = c.dataset.csv;
        QJsonObject csv{{"path", s.path},
                        {"features", QJsonArray::fromStringList(s.features)},
                        {"target", s.target},
                        {"delimiter", s.delimiter},
                        {"header", s.header ? QJsonValue(*s.header) : QJsonValue(QJsonValue::Null)},
                        {"missing", jsonName(s.missing)},
                        {"sha256", s.sha256},
                        {"rows", static_cast<double>(s.rows)}};
        // Written only when chosen, so that a project reading its CSV as before opens in older versions.
        if (s.decimal != CsvConfig::Decimal::Auto)
            csv.insert(QStringLiteral("decimal"), jsonName(s.decimal));
        if (!s.embedded.isEmpty())
            csv.insert(QStringLiteral("embedded"), s.embedded);
        dataset.insert(QStringLiteral("csv"), csv);
    }

    QJsonObject values;
    for (const auto& [name, v] : c.model.init.values)
        values.insert(name, v.size() == 1 ? QJsonValue(v[0]) : QJsonValue(numbersJson(v)));
    QJsonArray hidden;
    for (int h : c.model.hidden)
        hidden.append(h);
    QJsonObject model{{"type", jsonName(c.model.type)},
                      {"init", QJsonObject{{"scheme", jsonName(c.model.init.scheme)},
                                           {"seed", static_cast<double>(c.model.init.seed)},
                                           {"values", values}}},
                      {"frozen", QJsonArray::fromStringList(c.model.frozen)}};
    if (c.model.type == ModelConfig::Type::Polynomial)
        model.insert(QStringLiteral("degree"), c.model.degree);
    if (c.model.type == ModelConfig::Type::Mlp) {
        model.insert(QStringLiteral("hidden"), hidden);
        model.insert(QStringLiteral("activation"), c.model.activation);
    }

    QJsonObject loss{{"type", jsonName(c.loss.type)}, {"reduction", jsonName(c.loss.reduction)}};
    if (c.loss.type == LossConfig::Type::Huber)
        loss.insert(QStringLiteral("delta"), c.loss.delta);
    if (c.loss.type == LossConfig::Type::SmoothL1)
        loss.insert(QStringLiteral("beta"), c.loss.beta);

    const OptimizerConfig& o = c.optimizer;
    const QJsonObject all{{"lr", o.lr},
                          {"momentum", o.momentum},
                          {"dampening", o.dampening},
                          {"nesterov", o.nesterov},
                          {"weight_decay", o.weightDecay},
                          {"maximize", o.maximize},
                          {"betas", QJsonArray{o.beta1, o.beta2}},
                          {"eps", o.eps},
                          {"amsgrad", o.amsgrad},
                          {"alpha", o.alpha},
                          {"centered", o.centered},
                          {"lr_decay", o.lrDecay},
                          {"initial_accumulator_value", o.initialAccumulatorValue}};
    QJsonObject optimizer{{"type", jsonName(o.type)}};
    for (const QString& key : optimizerKeys(o.type))
        optimizer.insert(key, all.value(key));

    const TrainingConfig& t = c.training;
    QJsonObject training{{"epochs", static_cast<double>(t.epochs)}, {"batch_size", static_cast<double>(t.batchSize)},
                         {"shuffle", t.shuffle},  {"seed", static_cast<double>(t.seed)},
                         {"device", t.device},   {"dtype", t.dtype}};
    // Written only when off, so that a project that does not use it still opens in older versions.
    if (!t.zeroGrad)
        training.insert(QStringLiteral("zero_grad"), false);

    return QJsonObject{{"format", QString::fromLatin1(kProjectFormat)},
                       {"version", kProjectVersion},
                       {"dataset", dataset},
                       {"model", model},
                       {"loss", loss},
                       {"optimizer", optimizer},
                       {"training", training}};
}

std::optional<ExperimentConfig> fromJson(const QJsonObject& json, QString* errorOut)
{
    QString error;
    ExperimentConfig c;
    Reader root(json, QString(), &error);
    QString format;
    root.string("format", format, true);
    if (root.ok() && format != QLatin1String(kProjectFormat))
        root.fail(QStringLiteral("format"), ConfigText::tr("this is not a GradLab project (format \"%1\")").arg(format));
    int version = 0;
    root.integer("version", version, 1, 1e9, true);
    if (root.ok() && version > kProjectVersion)
        error = ConfigText::tr("this project was written by a newer GradLab (file format version %1; this version reads up to %2)")
                    .arg(version)
                    .arg(kProjectVersion);
    if (root.ok())
        root.allowOnly({"format", "version", "dataset", "model", "loss", "optimizer", "training", "runs"});

    const QJsonObject dataset = root.object(QStringLiteral("dataset"), true);
    if (root.ok()) {
        Reader r(dataset, QStringLiteral("dataset"), &error);
        r.allowOnly({"source", "generator", "csv", "split"});
        r.choice("source", kSources, c.dataset.source, true);
        const QJsonObject gen = r.object(QStringLiteral("generator"), false);
        const QJsonObject csv = r.object(QStringLiteral("csv"), false);
        const QJsonObject split = r.object(QStringLiteral("split"), false);
        if (r.ok())
            readGenerator(gen, c.dataset.generator, &error);
        if (r.ok())
            readCsv(csv, c.dataset.csv, &error);
        if (r.ok()) {
            Reader rs(split, QStringLiteral("dataset.split"), &error);
            rs.allowOnly({"train_fraction", "shuffle", "seed"});
            rs.number("train_fraction", c.dataset.split.trainFraction);
            rs.boolean("shuffle", c.dataset.split.shuffle);
            rs.integer("seed", c.dataset.split.seed, 0, 4294967295.0);
        }
    }
    const QJsonObject model = root.object(QStringLiteral("model"), true);
    if (root.ok())
        readModel(model, c.model, &error);
    const QJsonObject loss = root.object(QStringLiteral("loss"), true);
    if (root.ok()) {
        Reader r(loss, QStringLiteral("loss"), &error);
        r.allowOnly({"type", "reduction", "delta", "beta"});
        r.choice("type", kLosses, c.loss.type, true);
        r.choice("reduction", kReductions, c.loss.reduction);
        r.number("delta", c.loss.delta);
        r.number("beta", c.loss.beta);
    }
    const QJsonObject optimizer = root.object(QStringLiteral("optimizer"), true);
    if (root.ok())
        readOptimizer(optimizer, c.optimizer, &error);
    const QJsonObject training = root.object(QStringLiteral("training"), true);
    if (root.ok()) {
        Reader r(training, QStringLiteral("training"), &error);
        r.allowOnly({"epochs", "batch_size", "shuffle", "seed", "device", "dtype", "zero_grad"});
        r.integer("epochs", c.training.epochs, 0, 1e12);
        r.integer("batch_size", c.training.batchSize, 0, 1e15);
        r.boolean("shuffle", c.training.shuffle);
        r.integer("seed", c.training.seed, 0, 4294967295.0);
        r.string("device", c.training.device);
        r.string("dtype", c.training.dtype);
        r.boolean("zero_grad", c.training.zeroGrad);
        if (r.ok() && c.training.dtype != QLatin1String("float32") && c.training.dtype != QLatin1String("float64"))
            r.fail(QStringLiteral("dtype"), ConfigText::tr("unknown value \"%1\" (expected one of: float32, float64)").arg(c.training.dtype));
        static const QRegularExpression device(QStringLiteral("^(cpu|cuda(:[0-9]+)?)$"));
        if (r.ok() && !device.match(c.training.device).hasMatch())
            r.fail(QStringLiteral("device"), ConfigText::tr("unknown device \"%1\" (expected cpu, cuda or cuda:N)").arg(c.training.device));
    }
    if (!error.isEmpty()) {
        if (errorOut)
            *errorOut = error;
        return std::nullopt;
    }
    return c;
}

bool applySetting(ExperimentConfig& config, const QString& key, const QString& valueText, QString* error)
{
    const QStringList path = key.split(QLatin1Char('.'));
    if (key.isEmpty() || path.contains(QString()) || path.first() == QLatin1String("format")
        || path.first() == QLatin1String("version") || path.first() == QLatin1String("runs")) {
        *error = ConfigText::tr("%1: not a setting that can be changed").arg(key);
        return false;
    }
    // A JSON value, or a bare word taken as a string (--set optimizer.type=adam).
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + valueText.toUtf8() + "]", &pe);
    const QJsonValue value = pe.error == QJsonParseError::NoError && doc.array().size() == 1 ? doc.array().at(0)
                                                                                              : QJsonValue(valueText);
    // JSON refuses a number beyond a double's range (1e400), which would otherwise read as a word.
    if (pe.error != QJsonParseError::NoError) {
        static const QRegularExpression number(QStringLiteral("(?<![\\w.])-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?(?![\\w.])"));
        for (auto it = number.globalMatch(valueText); it.hasNext();) {
            const QString literal = it.next().captured();
            const QByteArray bytes = literal.toLatin1();
            double v = 0;
            const auto [end, ec] = std::from_chars(bytes.constData(), bytes.constData() + bytes.size(), v);
            if (ec == std::errc::result_out_of_range) {
                *error = literal.contains(QLatin1String("e-"), Qt::CaseInsensitive)
                             ? ConfigText::tr("%1: %2 is out of range for a double (too close to zero: the smallest is about 4.9e-324)").arg(key, literal)
                             : ConfigText::tr("%1: %2 is out of range for a double (whose magnitude is at most about 1.8e308)").arg(key, literal);
                return false;
            }
        }
    }

    QJsonObject root = toJson(config);
    // Changing a type starts that section from the new type's defaults.
    if (path.size() == 2 && path[1] == QLatin1String("type") && value.isString()) {
        if (path[0] == QLatin1String("optimizer")) {
            if (auto t = kOptimizers.parse(value.toString())) {
                ExperimentConfig copy = config;
                copy.optimizer = OptimizerConfig::defaults(*t);
                root = toJson(copy);
            }
        } else if (path[0] == QLatin1String("model")) {
            QJsonObject model = root.value(QStringLiteral("model")).toObject();
            model.remove(QStringLiteral("frozen"));
            QJsonObject init = model.value(QStringLiteral("init")).toObject();
            init.remove(QStringLiteral("values"));
            model.insert(QStringLiteral("init"), init);
            root.insert(QStringLiteral("model"), model);
        }
    }
    // Walk down, creating the objects on the way, and set the leaf.
    std::vector<QJsonObject> chain{root};
    for (int i = 0; i + 1 < path.size(); ++i) {
        const QJsonValue next = chain.back().value(path[i]);
        if (!next.isUndefined() && !next.isObject()) {
            *error = ConfigText::tr("%1: not an object").arg(path.mid(0, i + 1).join(QLatin1Char('.')));
            return false;
        }
        chain.push_back(next.toObject());
    }
    chain.back().insert(path.last(), value);
    for (int i = static_cast<int>(path.size()) - 2; i >= 0; --i)
        chain[static_cast<std::size_t>(i)].insert(path[i], chain[static_cast<std::size_t>(i) + 1]);
    QString readError;
    const auto updated = fromJson(chain.front(), &readError);
    if (!updated) {
        *error = readError;
        return false;
    }
    config = *updated;
    return true;
}

QList<ConfigProblem> configProblems(const ExperimentConfig& c)
{
    // In the words of the forms' labels; the key is for the command line and for routing.
    QList<ConfigProblem> problems;
    const auto add = [&](const char* key, const QString& message) { problems.append({QLatin1String(key), message}); };
    const auto& g = c.dataset.generator;
    if (c.dataset.source == DatasetConfig::Source::Generated) {
        if (g.n < 2)
            add("dataset.generator.n", ConfigText::tr("At least 2 samples (n) are needed to train and validate"));
        if (!(g.xMin < g.xMax))
            add("dataset.generator.x_min", ConfigText::tr("x min must be less than x max"));
        if (g.noise < 0)
            add("dataset.generator.noise", ConfigText::tr("The noise σ cannot be negative"));
        if (g.features > 1 && static_cast<int>(g.weights.size()) != g.features)
            add("dataset.generator.weights",
                ConfigText::tr("%1 features need %1 weights, got %2").arg(g.features).arg(g.weights.size()));
    } else {
        if (c.dataset.csv.path.isEmpty() && c.dataset.csv.embedded.isEmpty())
            add("dataset.csv.path", ConfigText::tr("No CSV file is chosen"));
        if (c.dataset.csv.target.isEmpty())
            add("dataset.csv.target", ConfigText::tr("No target column is chosen"));
        if (c.dataset.csv.features.isEmpty())
            add("dataset.csv.features", ConfigText::tr("No feature column is chosen"));
    }
    if (!(c.dataset.split.trainFraction > 0 && c.dataset.split.trainFraction < 1))
        add("dataset.split.train_fraction", ConfigText::tr("The train fraction must be between 0 and 1 (exclusive)"));
    if (!(c.optimizer.lr > 0))
        add("optimizer.lr", ConfigText::tr("The learning rate must be greater than 0"));
    if (c.training.epochs < 1)
        add("training.epochs", ConfigText::tr("At least one epoch is needed"));
    if (c.loss.type == LossConfig::Type::Huber && !(c.loss.delta > 0))
        add("loss.delta", ConfigText::tr("Huber's delta must be greater than 0"));
    if (c.loss.type == LossConfig::Type::SmoothL1 && !(c.loss.beta >= 0))
        add("loss.beta", ConfigText::tr("SmoothL1's beta cannot be negative"));
    // A custom start that the parameters' dtype cannot hold would begin as inf (or NaN).
    if (c.model.init.scheme == InitConfig::Scheme::Custom) {
        const bool single = c.training.dtype == QLatin1String("float32");
        const double largest = single ? std::numeric_limits<float>::max() : std::numeric_limits<double>::max();
        for (const auto& [name, values] : c.model.init.values) {
            const auto bad = std::find_if(values.begin(), values.end(), [&](double v) { return !(std::abs(v) <= largest); });
            if (bad == values.end())
                continue;
            problems.append({QStringLiteral("model.init.values.") + name,
                             std::isfinite(*bad) ? ConfigText::tr("The initial value of %1, %2, does not fit in %3 (whose largest magnitude is about %4)")
                                                       .arg(name)
                                                       .arg(*bad, 0, 'g', 6)
                                                       .arg(c.training.dtype)
                                                       .arg(largest, 0, 'g', 2)
                                                 : ConfigText::tr("The initial value of %1 must be a finite number, not %2").arg(name).arg(*bad)});
        }
    }
    const auto& o = c.optimizer;
    // Each negative option by its name (as the form labels it) and its value, not a list of all
    // that could be.
    const auto shown = [](double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); };
    if (o.momentum < 0)
        add("optimizer.momentum", ConfigText::tr("Momentum is %1; it cannot be negative").arg(shown(o.momentum)));
    if (o.dampening < 0)
        add("optimizer.dampening", ConfigText::tr("Dampening is %1; it cannot be negative").arg(shown(o.dampening)));
    if (o.weightDecay < 0)
        add("optimizer.weight_decay", ConfigText::tr("Weight decay is %1; it cannot be negative").arg(shown(o.weightDecay)));
    if (o.eps < 0)
        add("optimizer.eps", ConfigText::tr("Eps is %1; it cannot be negative").arg(shown(o.eps)));
    if (o.lrDecay < 0)
        add("optimizer.lr_decay", ConfigText::tr("Learning rate decay is %1; it cannot be negative").arg(shown(o.lrDecay)));
    if (o.type == OptimizerConfig::Type::RmsProp && o.alpha < 0) // torch.optim.RMSprop refuses it too
        add("optimizer.alpha", ConfigText::tr("Alpha is %1; it cannot be negative").arg(shown(o.alpha)));
    if (o.initialAccumulatorValue < 0)
        add("optimizer.initial_accumulator_value",
            ConfigText::tr("The initial accumulator value is %1; it cannot be negative").arg(shown(o.initialAccumulatorValue)));
    if ((o.type == OptimizerConfig::Type::Adam || o.type == OptimizerConfig::Type::AdamW)
        && !(o.beta1 >= 0 && o.beta1 < 1 && o.beta2 >= 0 && o.beta2 < 1))
        add("optimizer.betas", ConfigText::tr("The betas are %1 and %2; both must be in [0, 1)").arg(shown(o.beta1), shown(o.beta2)));
    if (o.type == OptimizerConfig::Type::Sgd && o.nesterov && (o.momentum <= 0 || o.dampening != 0))
        add("optimizer.nesterov", ConfigText::tr("Nesterov momentum requires a momentum and zero dampening"));
    return problems;
}

QStringList validate(const ExperimentConfig& c)
{
    QStringList messages;
    for (const ConfigProblem& p : configProblems(c))
        messages << p.message;
    return messages;
}

} // namespace gradlab::experiment
