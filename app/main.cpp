// GradLab's entry point. Until the window arrives it runs the tutorial's experiment through the
// engine and prints what happened, as the tutorial's last section does.
#include "tutorial_run.h"

#include "engine/backend.h"

#include <QCoreApplication>
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
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("GradLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("gradlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QTextStream out(stdout);
    QTextStream err(stderr);

    TutorialData data;
    QString error;
    if (!loadTutorialData(data, error)) {
        err << error << Qt::endl;
        return 1;
    }
    const int epochs = 1000;
    const double lr = 0.1;
    out << QCoreApplication::translate("main", "GradLab %1: the tutorial's experiment, trained by GradLab's autograd engine")
               .arg(QCoreApplication::applicationVersion())
        << Qt::endl;
    out << QCoreApplication::translate("main", "Data: y = 1 + 2x + 0.1 noise, %1 training and %2 validation samples")
               .arg(data.xTrain.size())
               .arg(data.xVal.size())
        << Qt::endl;
    out << QCoreApplication::translate("main", "Model: yhat = a + b*x; loss: MSE (mean); optimizer: SGD, lr %1; %2 epochs on the CPU, float32")
               .arg(lr)
               .arg(epochs)
        << Qt::endl;
    for (const gradlab::DeviceInfo& d : gradlab::availableDevices())
        if (!d.usable())
            out << QCoreApplication::translate("main", "Device %1 is not used: %2")
                       .arg(QString::fromStdString(d.device.str()), deviceStatusText(d))
                << Qt::endl;

    const TutorialResult r = runTutorial(data, epochs, lr);
    out << QCoreApplication::translate("main", "Initial parameters (torch.manual_seed(42)): a = %1, b = %2")
               .arg(r.a0, 0, 'g', 9)
               .arg(r.b0, 0, 'g', 9)
        << Qt::endl;
    out << QCoreApplication::translate("main", "Trained parameters: a = %1, b = %2")
               .arg(r.a, 0, 'g', 9)
               .arg(r.b, 0, 'g', 9)
        << Qt::endl;
    out << QCoreApplication::translate("main", "Final training loss %1, validation loss %2")
               .arg(r.trainLoss, 0, 'g', 6)
               .arg(r.valLoss, 0, 'g', 6)
        << Qt::endl;
    out << QCoreApplication::translate("main", "Training took %1 ms").arg(r.seconds * 1e3, 0, 'f', 2) << Qt::endl;
    return 0;
}
