// gradlab-cli's entry point.
#include "cli.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gradlab-cli"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("gradlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return gradlab::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
