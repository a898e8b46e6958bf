#include "tutorial_run.h"

#include "engine/autograd.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/optim.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace gradlab;

bool loadTutorialData(TutorialData& data, QString& error)
{
    QFile csv(QStringLiteral(":/data/tutorial_dataset.csv"));
    QFile split(QStringLiteral(":/data/tutorial_split.json"));
    if (!csv.open(QIODevice::ReadOnly) || !split.open(QIODevice::ReadOnly)) {
        error = QObject::tr("The bundled tutorial dataset is missing from this build.");
        return false;
    }
    std::vector<double> x, y;
    const QList<QByteArray> lines = csv.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(',');
        bool okX = false, okY = false;
        if (fields.size() == 2) {
            x.push_back(fields[0].toDouble(&okX));
            y.push_back(fields[1].toDouble(&okY));
        }
        if (!okX || !okY) {
            error = QObject::tr("The bundled tutorial dataset is damaged at line %1.").arg(i + 1);
            return false;
        }
    }
    const QJsonObject s = QJsonDocument::fromJson(split.readAll()).object();
    auto take = [&](const char* key, std::vector<double>& xs, std::vector<double>& ys) {
        for (const QJsonValue v : s.value(QLatin1String(key)).toArray()) {
            const auto i = static_cast<std::size_t>(v.toInt(-1));
            if (i >= x.size())
                return false;
            xs.push_back(x[i]);
            ys.push_back(y[i]);
        }
        return !xs.empty();
    };
    if (!take("train_indices", data.xTrain, data.yTrain) || !take("val_indices", data.xVal, data.yVal)) {
        error = QObject::tr("The bundled tutorial split does not match its dataset.");
        return false;
    }
    return true;
}

TutorialResult runTutorial(const TutorialData& data, int epochs, double lr)
{
    const auto n = static_cast<std::int64_t>(data.xTrain.size());
    const auto nv = static_cast<std::int64_t>(data.xVal.size());
    const Tensor x = fromData(data.xTrain, Shape{n, 1});
    const Tensor y = fromData(data.yTrain, Shape{n, 1});
    const Tensor xv = fromData(data.xVal, Shape{nv, 1});
    const Tensor yv = fromData(data.yVal, Shape{nv, 1});

    TutorialResult r;
    QElapsedTimer timer;
    timer.start();
    manualSeed(42);
    ManualLinearRegression model;
    r.a0 = model.a().item();
    r.b0 = model.b().item();
    const Loss lossFn = MSELoss();
    SGD optimizer(model.parameters(), SGDOptions{.lr = lr});
    for (int epoch = 0; epoch < epochs; ++epoch) {
        model.train();
        const Tensor yhat = model(x);
        const Tensor loss = lossFn(y, yhat);
        loss.backward();
        optimizer.step();
        optimizer.zeroGrad();
        r.trainLoss = loss.item();
    }
    r.seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    model.eval();
    NoGradGuard noGrad;
    r.valLoss = lossFn(yv, model(xv)).item();
    r.a = model.a().item();
    r.b = model.b().item();
    return r;
}
