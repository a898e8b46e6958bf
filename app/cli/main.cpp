// gradlab-cli's entry point.
#include "cli.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    // Plots are drawn by QCustomPlot, which needs a QApplication; with no display, off screen.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gradlab-cli"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("gradlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return gradlab::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
