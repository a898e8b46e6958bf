// Shared by the closed-form fit's tests: the tutorial's data and split (tests/reference), the
// reference fits (fixtures/fit_reference.json), and comparisons that print full precision.
// Header-only; QtCore is used here, never by gradlab_fit.
#pragma once

#include "fit/least_squares.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QtTest>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#ifndef GRADLAB_TEST_DATA_DIR
#error "GRADLAB_TEST_DATA_DIR must name tests/reference"
#endif
#ifndef GRADLAB_FIT_FIXTURES_DIR
#error "GRADLAB_FIT_FIXTURES_DIR must name tests/model/fit/fixtures"
#endif

namespace gradlab::fittest {

inline QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline const QJsonObject& fitReference()
{
    static const QJsonObject doc = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/fit_reference.json"));
    return doc;
}

inline const QJsonObject& tutorialExpected()
{
    static const QJsonObject doc = readJson(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    return doc;
}

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

inline std::vector<double> doubles(const QJsonValue& v)
{
    std::vector<double> out;
    appendDoubles(v, out);
    return out;
}

inline std::vector<std::int64_t> indices(const QJsonValue& v)
{
    std::vector<std::int64_t> out;
    for (const QJsonValue& e : v.toArray())
        out.push_back(e.toInteger(-1));
    return out;
}

// tests/reference/tutorial_dataset.csv (x,y); empty when it cannot be read.
struct Columns {
    std::vector<double> x, y;
};

inline Columns tutorialCsv()
{
    Columns c;
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return c;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].trimmed().split(QLatin1Char(','));
        c.x.push_back(cells.value(0).toDouble());
        c.y.push_back(cells.value(1).toDouble());
    }
    return c;
}

inline fit::DataView viewOf(const std::vector<double>& x, const std::vector<double>& y, std::int64_t features)
{
    fit::DataView v;
    v.x = x.data();
    v.y = y.data();
    v.rows = static_cast<std::int64_t>(y.size());
    v.features = features;
    return v;
}

inline QByteArray num(double v) { return QByteArray::number(v, 'g', 17); }

// |actual − expected| ≤ tol·|expected|, NaN only matching NaN.
inline bool closeRelative(double actual, double expected, double tol)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::fabs(actual - expected) <= tol * std::fabs(expected);
}

inline bool contains(const std::vector<data::Message>& warnings, const std::string& fragment)
{
    for (const data::Message& w : warnings)
        if (w.english().find(fragment) != std::string::npos)
            return true;
    return false;
}

} // namespace gradlab::fittest

#define FIT_VERIFY_REL(actual, expected, tol, what)                                                              \
    do {                                                                                                         \
        const double fit_a_ = (actual);                                                                          \
        const double fit_e_ = (expected);                                                                        \
        QVERIFY2(::gradlab::fittest::closeRelative(fit_a_, fit_e_, (tol)),                                       \
                 QByteArray(QByteArray(what) + ": actual " + ::gradlab::fittest::num(fit_a_) + ", expected "      \
                            + ::gradlab::fittest::num(fit_e_) + " (relative tolerance "                           \
                            + ::gradlab::fittest::num(tol) + ")")                                                 \
                     .constData());                                                                              \
    } while (false)

#define FIT_VERIFY_ABS(actual, expected, tol, what)                                                              \
    do {                                                                                                         \
        const double fit_a_ = (actual);                                                                          \
        const double fit_e_ = (expected);                                                                        \
        QVERIFY2(std::fabs(fit_a_ - fit_e_) <= (tol),                                                            \
                 QByteArray(QByteArray(what) + ": actual " + ::gradlab::fittest::num(fit_a_) + ", expected "      \
                            + ::gradlab::fittest::num(fit_e_) + " (absolute tolerance "                           \
                            + ::gradlab::fittest::num(tol) + ")")                                                 \
                     .constData());                                                                              \
    } while (false)

// Expects the statements to throw gradlab::fit::FitError whose message contains `fragment`.
#define FIT_VERIFY_ERROR(fragment, ...)                                                                          \
    do {                                                                                                         \
        const std::string fit_frag_ = (fragment);                                                                \
        std::string fit_msg_ = "nothing thrown";                                                                 \
        bool fit_thrown_ = false;                                                                                \
        try {                                                                                                    \
            __VA_ARGS__;                                                                                         \
        } catch (const ::gradlab::fit::FitError& fit_ex_) {                                                      \
            fit_thrown_ = true;                                                                                  \
            fit_msg_ = fit_ex_.what();                                                                           \
        }                                                                                                        \
        QVERIFY2(fit_thrown_ && fit_msg_.find(fit_frag_) != std::string::npos,                                   \
                 ("expected a FitError mentioning \"" + fit_frag_ + "\": " + fit_msg_).c_str());               \
    } while (false)
