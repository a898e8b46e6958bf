// The data an experiment trains on: generated or read from its CSV, split into training and
// validation rows as the configuration says.
#pragma once

#include "experiment_config.h"

#include "data/dataset.h"
#include "data/synthetic.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace gradlab::experiment {

struct ExperimentData {
    data::Dataset all;
    data::Dataset train, val;
    std::vector<std::int64_t> trainIndices, valIndices;
    QStringList warnings; // e.g. rows dropped for missing values
    // Those of `warnings` about the project's CSV file itself: it has changed since the project
    // was saved, or it is missing and the project's copy of it is used.
    QStringList fileWarnings;
};

// Generated data is drawn with NumPy's legacy generator. When the split's seed is the
// generator's, the split's shuffle continues the same random stream, exactly as the tutorial's
// np.random.shuffle(idx) after generating the data; with another seed it starts a fresh
// RandomState(seed). A CSV split always uses RandomState(split.seed).
// `progress` hears how far generation has got and may stop it (then `error` says it was cancelled).
std::optional<ExperimentData> loadExperimentData(const ExperimentConfig& config, QString* error,
                                                 const data::SyntheticProgress& progress = {});

// The line that generated one-feature data scatters about, y = intercept + slope·x: the slope is
// the generator's weights[0] when weights are given, its b otherwise (as the generator draws it).
// None for CSV data, several features, or weights the generator refuses.
struct TrueLine {
    double intercept = 0.0;
    double slope = 0.0;
};
std::optional<TrueLine> trueLine(const ExperimentConfig& config);

// Splits `all` as `split` says (fresh RandomState(seed) when shuffling).
std::optional<ExperimentData> splitData(data::Dataset all, const SplitConfig& split, QString* error);

} // namespace gradlab::experiment
