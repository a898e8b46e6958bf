// gradlab-cli's entry point.
#include "cli.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace {

QtMessageHandler qtMessageHandler = nullptr;

// The platform plugin's start says where Qt keeps its runtime files when XDG_RUNTIME_DIR is unset
// (ssh, containers, CI): nothing a user of the CLI can act on, and it reads as an error in a
// script's output. Every other message goes to Qt's handler as before.
void cliMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    qtMessageHandler(type, context, message);
}

} // namespace

int main(int argc, char* argv[])
{
    qtMessageHandler = qInstallMessageHandler(cliMessageHandler);
    // Plots are drawn by QCustomPlot, which needs a QApplication; with no display, off screen.
    // Other commands need no platform plugin (whose start says things on stderr in some
    // environments, such as a missing XDG_RUNTIME_DIR): a QCoreApplication does.
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> app;
    if (gradlab::cli::needsWidgets(args)) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("gradlab-cli"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("gradlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return gradlab::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
