// GradLab's window. It opens with the tutorial's experiment, ready to press Run; a project
// (.gradlab) or a CSV file named on the command line is opened instead.
#include "window/main_window.h"

#include "widgets/data_form.h"

#include <QDir>
#include <QEventLoop>
#include <QScreen>
#include <QTabWidget>

#include <QApplication>
#include <QElapsedTimer>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

namespace {

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// --screenshots DIR: trains the tutorial, then saves the screen (as the X server shows it) with each
// main view in front, for the README's tour. Returns the exit code.
int takeScreenshots(gradlab::app::MainWindow& window, const QString& dir, const QString& prefix)
{
    QTextStream err(stderr);
    if (!QDir().mkpath(dir)) {
        err << "Cannot create " << dir << "\n";
        return 1;
    }
    auto shoot = [&](const QString& name) {
        settle(700);
        const QPixmap shot = window.screen()->grabWindow(0);
        const QString path = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(prefix, name));
        if (!shot.save(path))
            err << "Cannot write " << path << "\n";
        return !shot.isNull();
    };
    QElapsedTimer t;
    t.start();
    while (!window.dataReady() && t.elapsed() < 30000)
        settle(50);
    auto* settingsTabs = window.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    // One Step first: the step inspector and the graph show what autograd computed.
    window.views()->setCurrentIndex(4);
    window.step();
    settle(1500);
    shoot(QStringLiteral("step"));
    window.reset();
    settle(500);
    // Mini-batches of 16, three Step Batches: the landscape's steps within the epoch.
    const gradlab::experiment::ExperimentConfig tutorial = window.config();
    gradlab::experiment::ExperimentConfig batches = tutorial;
    batches.training.batchSize = 16;
    batches.training.shuffle = true;
    window.changeConfig(batches, QStringLiteral("training"), QStringLiteral("batch"));
    window.views()->setCurrentIndex(3);
    for (int i = 0; i < 3; ++i) {
        window.stepBatch();
        settle(700);
    }
    shoot(QStringLiteral("step-batch"));
    window.reset();
    settle(500);
    window.changeConfig(tutorial, QStringLiteral("training"), QStringLiteral("batch"));
    settle(300);
    bool finished = false;
    QObject::connect(&window, &gradlab::app::MainWindow::runFinished, &window, [&finished] { finished = true; });
    window.run();
    t.restart();
    while (!finished && t.elapsed() < 60000)
        settle(50);
    const char* names[] = {"fit", "loss", "parameters", "landscape", "graph", "least-squares"};
    for (int i = 0; i < window.views()->count() && i < 6; ++i) {
        window.views()->setCurrentIndex(i);
        if (settingsTabs)
            settingsTabs->setCurrentIndex(i == 0 ? 0 : 1);
        shoot(QString::fromLatin1(names[i]));
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
#ifdef Q_OS_LINUX
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "GradLab needs a graphical display (DISPLAY or WAYLAND_DISPLAY is not set).\n"
                               "On a machine without one, gradlab-cli runs the same experiments: gradlab-cli --help\n";
        return 1;
    }
#endif
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GradLab"));
    QCoreApplication::setApplicationName(QStringLiteral("GradLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gradlab.svg")));

    // The language chosen in the Language menu, or the system's.
    // --language overrides the menu's choice for this start.
    QString chosen = QSettings().value(QStringLiteral("language")).toString();
    // Both spellings QCommandLineParser takes: "--language zh_CN" and "--language=zh_CN".
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--language") == 0 && i + 1 < argc)
            chosen = QString::fromLocal8Bit(argv[i + 1]);
        else if (qstrncmp(argv[i], "--language=", 11) == 0)
            chosen = QString::fromLocal8Bit(argv[i] + 11);
    }
    app.setProperty("gradlab.language", chosen); // what the Language menu ticks
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    QLocale::setDefault(locale);
    QTranslator translator, qtTranslator;
    if (translator.load(locale, QStringLiteral("gradlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "GradLab: train a model through GradLab's autograd engine and "
                                                                         "compare it with the closed-form fit."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QCoreApplication::translate("main", "Use this language (en, zh_CN) instead of the system's."),
                                            QStringLiteral("code"));
    const QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                               QCoreApplication::translate("main", "Train the tutorial, save a screenshot of each view in this folder, and quit."),
                                               QStringLiteral("folder"));
    parser.addOption(languageOption);
    parser.addOption(screenshotsOption);
    parser.addPositionalArgument(QStringLiteral("file"), QCoreApplication::translate("main", "A project (.gradlab) or a CSV file to open."));
    parser.process(app);

    gradlab::app::MainWindow window;
    window.show();
    if (parser.isSet(screenshotsOption)) {
        window.setGeometry(window.screen()->availableGeometry()); // no window manager under Xvfb to maximise it
        const QString prefix = locale.name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
        return takeScreenshots(window, parser.value(screenshotsOption), prefix);
    }
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        const QString path = QFileInfo(files.first()).absoluteFilePath();
        QTimer::singleShot(0, &window, [&window, path] {
            window.openFile(path);
        });
    }
    return QApplication::exec();
}
