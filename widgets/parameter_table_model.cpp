#include "parameter_table_model.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace gradlab::widgets {

ParameterTableModel::ParameterTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ParameterTableModel::number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(v, 'g', 9);
}

QString ParameterTableModel::shortNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 4) : number(v);
}

QString ParameterTableModel::longestNumber(Format format, QChar digit)
{
    // 'g' keeps at most 9 (Full) or 4 (Short) significant digits; subnormals reach e-324.
    const int fraction = format == Format::Full ? 8 : 3;
    return QStringLiteral("-%1.%2e-%3").arg(digit).arg(QString(fraction, digit)).arg(QString(3, digit));
}

void ParameterTableModel::setTable(const QStringList& names, std::vector<Column> columns)
{
    beginResetModel();
    names_ = names;
    columns_ = std::move(columns);
    editable_ = false;
    toolTip_.clear();
    endResetModel();
}

void ParameterTableModel::clear()
{
    setTable({}, {});
}

void ParameterTableModel::setValues(int column, std::vector<double> values)
{
    if (column < 0 || column >= columnCount())
        return;
    columns_[static_cast<std::size_t>(column)].values = std::move(values);
    if (!names_.isEmpty())
        emit dataChanged(index(0, column), index(rowCount() - 1, column),
                         {Qt::DisplayRole, Qt::EditRole, Qt::UserRole});
}

void ParameterTableModel::setEditable(bool editable, const QString& toolTip)
{
    if (editable == editable_ && toolTip == toolTip_)
        return;
    editable_ = editable;
    toolTip_ = toolTip;
    // Flags are asked for when an edit starts; the tooltip is data.
    if (!names_.isEmpty() && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::ToolTipRole});
}

int ParameterTableModel::rowOf(const QString& name) const
{
    return static_cast<int>(names_.indexOf(name));
}

ParameterTableModel::Format ParameterTableModel::format(int column) const
{
    return column >= 0 && column < columnCount() ? columns_[static_cast<std::size_t>(column)].format : Format::Full;
}

bool ParameterTableModel::has(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return false;
    const Column& c = columns_[static_cast<std::size_t>(column)];
    const auto r = static_cast<std::size_t>(row);
    return r < c.values.size() && (c.present.empty() || (r < c.present.size() && c.present[r]));
}

QString ParameterTableModel::text(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    if (!has(row, column))
        return QStringLiteral("—");
    const Column& c = columns_[static_cast<std::size_t>(column)];
    const double v = c.values[static_cast<std::size_t>(row)];
    return c.format == Format::Short ? shortNumber(v) : number(v);
}

double ParameterTableModel::value(int row, int column) const
{
    return has(row, column) ? columns_[static_cast<std::size_t>(column)].values[static_cast<std::size_t>(row)]
                            : std::numeric_limits<double>::quiet_NaN();
}

int ParameterTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(names_.size());
}

int ParameterTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant ParameterTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: // text, so that the editor is a line edit taking "0,5" as well as "1e-3"
        return text(index.row(), index.column());
    case Qt::UserRole:
        return value(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        return editable_ && index.column() == 0 && !toolTip_.isEmpty() ? QVariant(toolTip_) : QVariant();
    default:
        return {};
    }
}

QVariant ParameterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < columnCount() ? QVariant(columns_[static_cast<std::size_t>(section)].header)
                                                        : QVariant();
    return section >= 0 && section < rowCount() ? QVariant(names_[section]) : QVariant();
}

Qt::ItemFlags ParameterTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (editable_ && index.column() == 0)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ParameterTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    // An editor opened while paused and committed after the run went on: the run's value stays.
    if (role != Qt::EditRole || !index.isValid() || index.column() != 0 || !editable_
        || index.row() >= rowCount())
        return false;
    const QString text = value.toString().trimmed();
    bool ok = false;
    // The user's locale first ("0,5" in German), then the C locale ("0.5", "1e-3") everywhere.
    double v = QLocale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(v)) {
        emit editRefused(index.row(), text, false);
        return false;
    }
    // What float32 rounds to infinity: 2^128 − 2^103, halfway between FLT_MAX and 2^128, and above.
    static const double kFloat32Overflow = std::ldexp(1.0, 128) - std::ldexp(1.0, 103);
    if (dtype_ == gradlab::DType::Float32 && std::abs(v) >= kFloat32Overflow) {
        emit editRefused(index.row(), text, true);
        return false;
    }
    Column& c = columns_[0];
    const auto r = static_cast<std::size_t>(index.row());
    if (r >= c.values.size())
        return false;
    c.values[r] = v;
    if (!c.present.empty() && r < c.present.size())
        c.present[r] = true;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::UserRole});
    emit valueEdited(index.row(), v);
    return true;
}

} // namespace gradlab::widgets
