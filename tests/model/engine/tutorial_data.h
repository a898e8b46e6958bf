// Shared test data for the engine tests: the tutorial's dataset with its reference train/val split
// (tests/reference), the PyTorch reference fixtures (tests/model/engine/fixtures/torch_reference.json), and
// small comparison helpers. Header-only; QtCore is used here, never by the engine.
#pragma once

#include "engine/tensor.h"
#include "engine/types.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#ifndef GRADLAB_TEST_DATA_DIR
#error "GRADLAB_TEST_DATA_DIR must name tests/reference"
#endif
#ifndef GRADLAB_TEST_FIXTURES_DIR
#error "GRADLAB_TEST_FIXTURES_DIR must name tests/model/engine/fixtures"
#endif

namespace gradlab::testdata {

inline QString dataPath(const QString& name) { return QStringLiteral(GRADLAB_TEST_DATA_DIR "/") + name; }
inline QString fixturePath(const QString& name) { return QStringLiteral(GRADLAB_TEST_FIXTURES_DIR "/") + name; }

// Reads a JSON object from `path`; on failure returns an empty object and says why in `error`.
inline QJsonObject readJsonObject(const QString& path, QString* error = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
        return {};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("cannot parse %1: %2").arg(path, pe.errorString());
        return {};
    }
    return doc.object();
}

// tests/model/engine/fixtures/torch_reference.json, read once.
inline const QJsonObject& torchReference()
{
    static const QJsonObject doc = readJsonObject(fixturePath(QStringLiteral("torch_reference.json")));
    return doc;
}

// tests/reference/tutorial_expected.json, read once.
inline const QJsonObject& tutorialExpected()
{
    static const QJsonObject doc = readJsonObject(dataPath(QStringLiteral("tutorial_expected.json")));
    return doc;
}

inline QJsonArray fixtureSection(const char* name) { return torchReference().value(QLatin1String(name)).toArray(); }

// All numbers of a (possibly nested) JSON array, in row-major order.
inline void appendDoubles(const QJsonValue& v, std::vector<double>& out)
{
    if (v.isArray()) {
        for (const QJsonValue& e : v.toArray())
            appendDoubles(e, out);
    } else {
        out.push_back(v.toDouble());
    }
}

inline std::vector<double> toDoubles(const QJsonValue& v)
{
    std::vector<double> out;
    appendDoubles(v, out);
    return out;
}

inline std::vector<std::int64_t> toIndices(const QJsonValue& v)
{
    std::vector<std::int64_t> out;
    for (const QJsonValue& e : v.toArray())
        out.push_back(static_cast<std::int64_t>(e.toInteger(-1)));
    return out;
}

// The tutorial dataset (100 rows of x,y) and its reference split.
struct TutorialDataset {
    std::vector<double> x, y;
    std::vector<std::int64_t> trainIndices, valIndices;
    QString error; // empty when everything was read

    bool ok() const { return error.isEmpty(); }
};

inline TutorialDataset loadTutorialDataset()
{
    TutorialDataset d;
    QFile csv(dataPath(QStringLiteral("tutorial_dataset.csv")));
    if (!csv.open(QIODevice::ReadOnly | QIODevice::Text)) {
        d.error = QStringLiteral("cannot open %1").arg(csv.fileName());
        return d;
    }
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty() || lines.front().trimmed() != QLatin1String("x,y")) {
        d.error = QStringLiteral("unexpected header in %1").arg(csv.fileName());
        return d;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].trimmed().split(QLatin1Char(','));
        bool okX = false, okY = false;
        const double x = cells.value(0).toDouble(&okX);
        const double y = cells.value(1).toDouble(&okY);
        if (cells.size() != 2 || !okX || !okY) {
            d.error = QStringLiteral("bad row %1 in %2").arg(i).arg(csv.fileName());
            return d;
        }
        d.x.push_back(x);
        d.y.push_back(y);
    }
    QString jsonError;
    const QJsonObject expected = readJsonObject(dataPath(QStringLiteral("tutorial_expected.json")), &jsonError);
    if (expected.isEmpty()) {
        d.error = jsonError;
        return d;
    }
    const QJsonObject ds = expected.value(QLatin1String("dataset")).toObject();
    d.trainIndices = toIndices(ds.value(QLatin1String("train_indices")));
    d.valIndices = toIndices(ds.value(QLatin1String("val_indices")));
    const auto n = static_cast<std::int64_t>(d.x.size());
    for (const auto* list : {&d.trainIndices, &d.valIndices})
        for (std::int64_t i : *list)
            if (i < 0 || i >= n)
                d.error = QStringLiteral("split index %1 outside the %2 rows").arg(i).arg(n);
    return d;
}

// x_train, y_train, x_val, y_val as (N, 1) tensors in the tutorial's row order (the split's order).
struct TutorialSplit {
    Tensor xTrain, yTrain, xVal, yVal;
};

inline Tensor columnOf(const std::vector<double>& values, const std::vector<std::int64_t>& indices, DType dtype)
{
    std::vector<double> picked;
    picked.reserve(indices.size());
    for (std::int64_t i : indices)
        picked.push_back(values[static_cast<std::size_t>(i)]);
    return fromData(picked, Shape{static_cast<std::int64_t>(picked.size()), 1}, TensorOptions{}.withDType(dtype));
}

inline TutorialSplit tutorialSplit(const TutorialDataset& d, DType dtype)
{
    return {columnOf(d.x, d.trainIndices, dtype), columnOf(d.y, d.trainIndices, dtype),
            columnOf(d.x, d.valIndices, dtype), columnOf(d.y, d.valIndices, dtype)};
}

// |actual - expected| <= tol·|expected| (and |actual| <= tol when expected is exactly zero).
inline bool closeRelative(double actual, double expected, double tol)
{
    if (expected == 0.0)
        return std::fabs(actual) <= tol;
    return std::fabs(actual - expected) <= tol * std::fabs(expected);
}

// Distance in units in the last place between two floats (same-sign ordering of the bit patterns).
inline std::int64_t ulpDistance(float a, float b)
{
    auto ordered = [](float f) {
        std::int32_t i;
        std::memcpy(&i, &f, sizeof i);
        return i < 0 ? static_cast<std::int64_t>(INT32_MIN) - i : static_cast<std::int64_t>(i);
    };
    const std::int64_t d = ordered(a) - ordered(b);
    return d < 0 ? -d : d;
}

inline QByteArray num(double v) { return QByteArray::number(v, 'g', 17); }

} // namespace gradlab::testdata

// QVERIFY2 with both numbers printed at full precision.
#define GL_VERIFY_REL(actual, expected, tol, what)                                                               \
    do {                                                                                                         \
        const double gl_a_ = (actual);                                                                           \
        const double gl_e_ = (expected);                                                                         \
        QVERIFY2(::gradlab::testdata::closeRelative(gl_a_, gl_e_, (tol)),                                        \
                 QByteArray(QByteArray(what) + ": actual " + ::gradlab::testdata::num(gl_a_) + ", expected "      \
                            + ::gradlab::testdata::num(gl_e_) + " (relative tolerance "                           \
                            + ::gradlab::testdata::num(tol) + ")")                                                \
                     .constData());                                                                              \
    } while (false)

#define GL_VERIFY_ABS(actual, expected, tol, what)                                                               \
    do {                                                                                                         \
        const double gl_a_ = (actual);                                                                           \
        const double gl_e_ = (expected);                                                                         \
        QVERIFY2(std::fabs(gl_a_ - gl_e_) <= (tol),                                                              \
                 QByteArray(QByteArray(what) + ": actual " + ::gradlab::testdata::num(gl_a_) + ", expected "      \
                            + ::gradlab::testdata::num(gl_e_) + " (absolute tolerance "                           \
                            + ::gradlab::testdata::num(tol) + ")")                                                \
                     .constData());                                                                              \
    } while (false)

// Element-wise exact comparison of two value lists, naming the first difference.
#define GL_VERIFY_EXACT_VALUES(actual, expected, what)                                                           \
    do {                                                                                                         \
        const std::vector<double> gl_av_ = (actual);                                                             \
        const std::vector<double> gl_ev_ = (expected);                                                           \
        QCOMPARE(gl_av_.size(), gl_ev_.size());                                                                  \
        for (std::size_t gl_i_ = 0; gl_i_ < gl_av_.size(); ++gl_i_)                                              \
            QVERIFY2(gl_av_[gl_i_] == gl_ev_[gl_i_],                                                             \
                     QByteArray(QByteArray(what) + "[" + QByteArray::number(static_cast<qulonglong>(gl_i_))      \
                                + "]: actual " + ::gradlab::testdata::num(gl_av_[gl_i_]) + ", expected "          \
                                + ::gradlab::testdata::num(gl_ev_[gl_i_]))                                        \
                         .constData());                                                                          \
    } while (false)

// Runs the statements; an exception (EngineError included) fails the test with its message instead
// of ending the test program.
#define GL_NO_THROW(...)                                                                                         \
    do {                                                                                                         \
        try {                                                                                                    \
            __VA_ARGS__;                                                                                          \
        } catch (const std::exception& gl_ex_) {                                                                 \
            QFAIL((QByteArray("unexpected exception: ") + gl_ex_.what()).constData());                           \
        }                                                                                                        \
    } while (false)

// Expects the statements to throw gradlab::EngineError whose message contains `fragment`.
#define GL_VERIFY_ENGINE_ERROR(fragment, ...)                                                          \
    do {                                                                                               \
        const std::string gl_frag_ = (fragment);                                                       \
        bool gl_thrown_ = false;                                                                       \
        std::string gl_msg_;                                                                           \
        try {                                                                                          \
            __VA_ARGS__;                                                                               \
        } catch (const ::gradlab::EngineError& gl_ex_) {                                               \
            gl_thrown_ = true;                                                                         \
            gl_msg_ = gl_ex_.what();                                                                   \
        } catch (const std::exception& gl_ex_) {                                                       \
            QFAIL((QByteArray("expected EngineError, got another exception: ") + gl_ex_.what())        \
                      .constData());                                                                   \
        }                                                                                              \
        QVERIFY2(gl_thrown_,                                                                           \
                 ("expected an EngineError mentioning \"" + gl_frag_ + "\", nothing thrown").c_str());      \
        QVERIFY2(gl_msg_.find(gl_frag_) != std::string::npos,                                          \
                 ("message \"" + gl_msg_ + "\" lacks \"" + gl_frag_ + "\"").c_str());                  \
    } while (false)
