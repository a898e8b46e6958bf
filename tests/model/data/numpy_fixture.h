// Reading the reference files (tests/reference, tests/model/data/fixtures) and comparing doubles
// bit for bit, for the data tests.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <bit>
#include <cstdint>
#include <vector>

namespace gradlab::test {

inline QJsonObject readJsonObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(file.errorString()));
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("%s is not a JSON object: %s", qPrintable(path), qPrintable(error.errorString()));
    return doc.object();
}

// Written by fixtures/make_numpy_fixtures.py with NumPy itself.
inline const QJsonObject& numpyReference()
{
    static const QJsonObject doc =
        readJsonObject(QStringLiteral(GRADLAB_TEST_DATA_DIR "/../model/data/fixtures/numpy_reference.json"));
    return doc;
}

inline const QJsonObject& tutorialExpected()
{
    static const QJsonObject doc = readJsonObject(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    return doc;
}

inline std::vector<double> doubles(const QJsonValue& value)
{
    std::vector<double> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(v.toDouble());
    return out;
}

inline std::vector<std::int64_t> int64s(const QJsonValue& value)
{
    std::vector<std::int64_t> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(v.toInteger());
    return out;
}

// Empty when `got` and `want` agree bit for bit; otherwise the first difference, with every digit.
inline QByteArray exactMismatch(const std::vector<double>& got, const std::vector<double>& want)
{
    if (got.size() != want.size())
        return "size " + QByteArray::number(qulonglong(got.size())) + ", expected " + QByteArray::number(qulonglong(want.size()));
    for (std::size_t i = 0; i < got.size(); ++i)
        if (std::bit_cast<std::uint64_t>(got[i]) != std::bit_cast<std::uint64_t>(want[i]))
            return "[" + QByteArray::number(qulonglong(i)) + "] " + QByteArray::number(got[i], 'g', 17) + ", expected "
                + QByteArray::number(want[i], 'g', 17);
    return {};
}

} // namespace gradlab::test
