// The step inspector's numbers: one optimizer step as autograd and the optimizer saw it, beside
// the gradient of the tutorial's NumPy formulas for the a + b·x model with the MSE loss
// (a_grad = -2·mean(error), b_grad = -2·mean(x·error), error = y − (a + b·x)).
#pragma once

#include "project.h"
#include "trainer.h"

#include "data/dataset.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace gradlab::experiment {

struct StepInspection {
    qint64 epoch = 0;
    qint64 batchNumber = 1, batches = 1; // the step's batch in its epoch (1-based), of how many
    qint64 batchRows = 0;              // rows in the step's batch
    double loss = 0.0;
    QStringList names;                 // flat parameter names (flatParameterNames)
    std::vector<double> before, autograd, after, update; // update = after − before; autograd NaN: frozen
    std::vector<double> formula;       // the NumPy formula's gradient per parameter; empty when it does not apply
    QStringList formulaText;           // "-2·mean(error)", "-2·mean(x·error)" per parameter (with `formula`)
    QString why;                       // why there is no formula, when `formula` is empty
    bool accumulating = false;         // gradients are not zeroed between steps: autograd's add up
};

// `step` (Trainer::lastStep()) of a run of `config` on the training set `train` with the
// parameter layout `layout`. The formula applies to scalar_linear (a, b), and to linear or a
// degree-1 polynomial on one feature (bias = a, weight = b), with the MSE loss; mean reduction
// gives -2·mean(…), sum reduction -2·sum(…). It is computed in double from the batch's rows at
// the values before the step.
StepInspection inspectStep(const StepDetail& step, const ExperimentConfig& config, const data::Dataset& train,
                           const std::vector<ParamSlot>& layout);

} // namespace gradlab::experiment
