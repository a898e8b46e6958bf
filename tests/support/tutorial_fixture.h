// The tutorial's reference data for tests: the expected numbers (NumPy, sklearn, PyTorch), its
// training rows at the reference split, and the data a configuration loads.
#pragma once

#include "experiment/experiment_config.h"
#include "experiment/experiment_data.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace gradlab::testing {

// tests/reference/tutorial_expected.json (an empty object where it cannot be read).
inline QJsonObject expected()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The tutorial's training rows, read from the reference CSV at the reference split's indices
// (independent of GradLab's reader and split); the validation rows are the same rows.
inline experiment::ExperimentData tutorialData()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read tutorial_dataset.csv");
    std::vector<double> xs, ys;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() != 2)
            continue;
        xs.push_back(cells[0].toDouble());
        ys.push_back(cells[1].toDouble());
    }
    experiment::ExperimentData d;
    d.train.featureNames.emplace_back(1, 'x');
    d.train.targetName.assign(1, 'y');
    for (const QJsonValue v : expected().value(QStringLiteral("dataset")).toObject().value(QStringLiteral("train_indices")).toArray()) {
        const auto i = static_cast<std::size_t>(v.toInteger());
        d.train.x.push_back(xs.at(i));
        d.train.y.push_back(ys.at(i));
    }
    d.val = d.train;
    return d;
}

// The data `config` loads, as the application loads it; a test cannot go on without it.
inline experiment::ExperimentData dataFor(const experiment::ExperimentConfig& config)
{
    QString error;
    auto d = experiment::loadExperimentData(config, &error);
    if (!d)
        qFatal("%s", qPrintable(error));
    return *d;
}

} // namespace gradlab::testing
