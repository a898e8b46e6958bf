// The parameter table of the results view as a Qt item model: one row per flat parameter, a few
// columns of numbers. It keeps the doubles and formats a cell only when a view asks for it, so an
// MLP's hundred thousand parameters cost only the rows on screen.
#pragma once

#include "engine/types.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

#include <vector>

namespace gradlab::widgets {

class ParameterTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Format {
        Full,  // 9 significant digits: a float32 value round-trips
        Short, // 4 significant digits, for differences
    };
    struct Column {
        QString header;
        std::vector<double> values; // one per row
        std::vector<bool> present;  // one per row, or empty when every row has a value; a missing one shows "—"
        Format format = Format::Full;
    };

    explicit ParameterTableModel(QObject* parent = nullptr);

    // New rows and columns (resets the model). A column with the wrong number of values shows "—".
    void setTable(const QStringList& names, std::vector<Column> columns);
    void clear();
    // New values for one column of the same rows: views keep their scroll position and selection.
    void setValues(int column, std::vector<double> values);
    // Whether column 0 can be edited, and the tooltip its cells show meanwhile.
    void setEditable(bool editable, const QString& toolTip);
    // The element type the edited values are stored in (default float32, the configuration's
    // default): an edit it cannot hold as a finite number (1e39 in float32) is refused.
    void setDType(gradlab::DType dtype) { dtype_ = dtype; }
    gradlab::DType dtype() const { return dtype_; }

    const QStringList& names() const { return names_; }
    int rowOf(const QString& name) const;
    Format format(int column) const;
    // The text a cell shows, and the number behind it (NaN where there is none).
    QString text(int row, int column) const;
    double value(int row, int column) const;

    static QString number(double v);
    static QString shortNumber(double v);
    // The longest text number() (Full) or shortNumber() (Short) can return, with `digit` for every
    // digit: "-d.dddddddde-ddd". A column as wide as this with the font's widest digit fits any value.
    static QString longestNumber(Format format, QChar digit);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // An edit of column 0 while editable: a number (the user's locale, then C) that is finite in the
    // dtype becomes the value and valueEdited follows; anything else is refused (editRefused, with
    // `overflows` when it is a finite double that the dtype cannot hold) and the value stays.
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

signals:
    void valueEdited(int row, double value);
    void editRefused(int row, const QString& text, bool overflows);

private:
    bool has(int row, int column) const;

    QStringList names_;
    std::vector<Column> columns_;
    bool editable_ = false;
    gradlab::DType dtype_ = gradlab::DType::Float32;
    QString toolTip_;
};

} // namespace gradlab::widgets
