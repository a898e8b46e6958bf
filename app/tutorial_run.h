// The tutorial's experiment, run through the engine: the data shipped in resources/, the
// reference split, ManualLinearRegression with torch-compatible init, MSE, SGD, 1000 epochs.
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

struct TutorialData {
    std::vector<double> xTrain, yTrain, xVal, yVal;
};

// Reads the bundled dataset and split; on failure returns false and says why in `error`.
bool loadTutorialData(TutorialData& data, QString& error);

struct TutorialResult {
    double a0 = 0, b0 = 0; // initial values
    double a = 0, b = 0;
    double trainLoss = 0, valLoss = 0;
    double seconds = 0;
};

TutorialResult runTutorial(const TutorialData& data, int epochs, double lr);
