// The Data part of the experiment form: a generated data set (a, b, n, σ, x range, seed, more
// features with their weights) or a CSV file (chosen, typed or dropped; previewed; columns picked;
// format overrides), and the train/validation split. It edits ExperimentConfig and nothing else:
// each user change is one edited() signal carrying the whole new configuration.
#pragma once

#include "experiment/experiment_config.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace gradlab::data {
struct CsvPreview;
}

namespace gradlab::widgets {

class DataForm : public QWidget {
    Q_OBJECT
public:
    explicit DataForm(QWidget* parent = nullptr);
    ~DataForm() override;

    // Shows `config`'s dataset settings; emits nothing. `projectDir` is the folder a relative CSV path
    // resolves against (empty: the current directory).
    void setConfig(const experiment::ExperimentConfig& config, const QString& projectDir);
    experiment::ExperimentConfig config() const; // the last config set or edited
    void setEditable(bool editable);            // false while a run is in progress
    // Switches to the CSV source with this file, as if chosen in the file dialog or dropped, and emits edited().
    // A file that cannot be read leaves the configuration as it was and shows the reader's message.
    void openCsv(const QString& path);
    // The number of rows once the full file has been loaded elsewhere (shown as the row count).
    void setLoadedRows(qint64 rows, const QStringList& warnings);
    // Sentences for the problems the form shows that config() alone does not reveal but that must stop
    // a run: a chosen CSV file that cannot be read (config() still names the previous file, or names
    // this one), weights text the form refused. Empty when nothing blocks.
    QStringList runBlockers() const;

signals:
    // One user change: the whole new configuration, a stable key for merging undo steps of the same
    // field (e.g. "dataset.generator.a"), and a short description for the Undo menu ("Change slope b").
    void edited(const gradlab::experiment::ExperimentConfig& after, const QString& key, const QString& description);
    // The reader's message changed: a chosen file could not be read, or that is over (see runBlockers()).
    void readerErrorChanged();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildGeneratorPage();
    QWidget* buildCsvPage();
    QWidget* buildSplitGroup();

    void commit(const experiment::ExperimentConfig& after, const QString& key, const QString& description);
    void showConfig();          // every widget from config_, without signals
    void showGenerator();
    void showCsvSettings();
    void showSplit();
    void showProblems();
    void showRowCount();
    void showPreview(const data::CsvPreview* preview);
    void showUnreadable(); // a chosen file cannot be read: no preview, columns or rows of another file
    void showColumnPickers();

    // Reads the first rows of the file `csv` names; on failure returns false with the message in `error`.
    bool readPreview(const experiment::CsvConfig& csv, data::CsvPreview& preview, QString* error) const;
    QString resolvedPath(const QString& path) const;
    void refreshPreview(); // re-reads config_'s file (setConfig, source switch); shows any error
    void setReaderError(const QString& message);

    // A format override changed: try the file (the one pending after a failed open, else the
    // current one) with it; keep the change only when the file can be read.
    void applyFormatOverride(const experiment::CsvConfig& csv, const QString& key, const QString& description);

    void onSourceChanged(int index);
    void onFeaturesCountChanged(int count);
    void onWeightsEdited();
    void onFeatureItemChanged(QListWidgetItem* item);
    void onTargetChanged(int index);
    void tickFeatures(bool all); // Select all (the numeric columns) / Select none
    void browse();

    experiment::ExperimentConfig config_;
    QString projectDir_;
    bool editable_ = true;
    bool updating_ = false;      // widgets are being set from config_: their signals are not edits
    QString pendingPath_;        // a file chosen but unreadable; the next format override retries it
    QString fileError_;          // why the CSV file in the field (pending or configured) cannot be read
    QString weightsProblem_;     // why the typed weights were refused
    QStringList columns_;        // the columns of the previewed file
    QStringList textColumns_;    // those of columns_ whose previewed fields are not numbers
    qint64 previewRows_ = -1;    // rows of a preview that holds the whole file, else -1
    qint64 loadedRows_ = -1;     // from setLoadedRows, for the current file
    QStringList loadedWarnings_;
    QStringList previewWarnings_;
    std::vector<QWidget*> inputs_; // enabled only while editable

    QComboBox* source_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    QLabel* readerError_ = nullptr;
    QLabel* problems_ = nullptr;

    QDoubleSpinBox* a_ = nullptr;
    QDoubleSpinBox* b_ = nullptr;
    QSpinBox* n_ = nullptr;
    QLabel* nError_ = nullptr;
    QDoubleSpinBox* noise_ = nullptr;
    QDoubleSpinBox* xMin_ = nullptr;
    QDoubleSpinBox* xMax_ = nullptr;
    QDoubleSpinBox* genSeed_ = nullptr;
    QSpinBox* features_ = nullptr;
    QLabel* weightsLabel_ = nullptr;
    QLineEdit* weights_ = nullptr;
    QLabel* weightsError_ = nullptr;

    QLineEdit* path_ = nullptr;
    QPushButton* browse_ = nullptr;
    QTableWidget* preview_ = nullptr;
    QListWidget* featureList_ = nullptr;
    QPushButton* selectAll_ = nullptr;
    QPushButton* selectNone_ = nullptr;
    QComboBox* target_ = nullptr;
    QComboBox* delimiter_ = nullptr;
    QComboBox* header_ = nullptr;
    QComboBox* missing_ = nullptr;
    QComboBox* decimal_ = nullptr;
    QLabel* rows_ = nullptr;
    QLabel* warnings_ = nullptr;

    QDoubleSpinBox* trainFraction_ = nullptr;
    QLabel* splitError_ = nullptr;
    QCheckBox* shuffle_ = nullptr;
    QDoubleSpinBox* splitSeed_ = nullptr;
};

} // namespace gradlab::widgets
