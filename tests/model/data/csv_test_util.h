// Helpers shared by the CSV tests: bytes from Qt test data, bit-exact comparisons, error text.
#pragma once

#include "data/csv_reader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gradlab::test {

inline std::string_view view(const QByteArray& bytes) { return {bytes.constData(), static_cast<std::size_t>(bytes.size())}; }

inline std::vector<double> doubles(const QList<double>& list) { return {list.begin(), list.end()}; }

inline QStringList qstrings(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names)
        out << QString::fromStdString(n);
    return out;
}

// Equal to the last bit, -0.0 and 0.0 told apart.
inline bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i]))
            return false;
    return true;
}

inline QByteArray describe(const data::CsvError& e)
{
    return QByteArray("code ") + QByteArray::number(static_cast<int>(e.code)) + " line " + QByteArray::number(e.line) + " column "
           + QByteArray::number(e.column) + ": " + QByteArray::fromStdString(e.message);
}

template <typename T>
QByteArray describe(const data::CsvResult<T>& r)
{
    return r ? QByteArray("ok") : describe(r.error());
}

} // namespace gradlab::test
