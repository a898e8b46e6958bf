// GradLab's entry point. Until the window arrives it runs the tutorial's experiment through the
// experiment layer (the tutorial's data, model, loss and optimizer are its defaults) and prints
// what happened, as the tutorial's last section does.
#include "engine/backend.h"
#include "experiment/project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

namespace {

QString deviceStatusText(const gradlab::DeviceInfo& d)
{
    using S = gradlab::DeviceInfo::Status;
    switch (d.status) {
    case S::Usable: return QCoreApplication::translate("main", "ready");
    case S::BuiltWithoutCuda: return QCoreApplication::translate("main", "GradLab was built without CUDA");
    case S::NoDriver: return QCoreApplication::translate("main", "no usable NVIDIA driver (missing, or older than the CUDA runtime)");
    case S::NoDevice: return QCoreApplication::translate("main", "no CUDA device found");
    case S::NoKernels: return QCoreApplication::translate("main", "this version of GradLab has no CUDA kernels yet");
    case S::Error: break;
    }
    return QCoreApplication::translate("main", "CUDA error: %1").arg(QString::fromStdString(d.reason));
}

} // namespace

int main(int argc, char* argv[])
{
    using namespace gradlab::experiment;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("GradLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("gradlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QTextStream out(stdout);
    QTextStream err(stderr);

    Project project; // the tutorial's experiment
    const ExperimentConfig& c = project.config;
    QString error;
    const auto data = project.loadData(&error);
    if (!data) {
        err << error << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("main", "GradLab %1: the tutorial's experiment, trained by GradLab's autograd engine")
               .arg(QCoreApplication::applicationVersion())
        << Qt::endl;
    out << QCoreApplication::translate("main", "Data: y = 1 + 2x + 0.1 noise, %1 training and %2 validation samples")
               .arg(data->train.rows())
               .arg(data->val.rows())
        << Qt::endl;
    out << QCoreApplication::translate("main", "Model: yhat = a + b*x; loss: MSE (mean); optimizer: SGD, lr %1; %2 epochs on the CPU, float32")
               .arg(c.optimizer.lr)
               .arg(c.training.epochs)
        << Qt::endl;
    for (const gradlab::DeviceInfo& d : gradlab::availableDevices())
        if (!d.usable())
            out << QCoreApplication::translate("main", "Device %1 is not used: %2")
                       .arg(QString::fromStdString(d.device.str()), deviceStatusText(d))
                << Qt::endl;

    Trainer trainer(c, data->train, data->val);
    const std::vector<double> initial = trainer.parameterValues();
    QElapsedTimer timer;
    timer.start();
    trainer.run({}, {});
    const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    const RunRecord run = recordRun(trainer, {}, *data, QDateTime::currentDateTimeUtc(), seconds);

    out << QCoreApplication::translate("main", "Initial parameters (torch.manual_seed(42)): a = %1, b = %2")
               .arg(initial[0], 0, 'g', 9)
               .arg(initial[1], 0, 'g', 9)
        << Qt::endl;
    out << QCoreApplication::translate("main", "Trained parameters: a = %1, b = %2")
               .arg(run.finalParams[0], 0, 'g', 9)
               .arg(run.finalParams[1], 0, 'g', 9)
        << Qt::endl;
    if (run.closedForm)
        out << QCoreApplication::translate("main", "Closed form (least squares): a = %1, b = %2")
                   .arg(run.closedForm->params[0], 0, 'g', 9)
                   .arg(run.closedForm->params[1], 0, 'g', 9)
            << Qt::endl;
    out << QCoreApplication::translate("main", "Final training loss %1, validation loss %2")
               .arg(run.trainLoss, 0, 'g', 6)
               .arg(run.valLoss, 0, 'g', 6)
        << Qt::endl;
    out << QCoreApplication::translate("main", "Training took %1 ms").arg(seconds * 1e3, 0, 'f', 2) << Qt::endl;
    return 0;
}
