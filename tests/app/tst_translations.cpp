// Simplified Chinese ships complete: every message of translations/gradlab_zh_CN.ts has a
// finished translation that keeps the source's placeholders.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void chineseIsCompleteAndKeepsPlaceholders();
};

namespace {

QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]+"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

void TestTranslations::chineseIsCompleteAndKeepsPlaceholders()
{
    QFile file(QStringLiteral(GRADLAB_TRANSLATIONS_DIR "/gradlab_zh_CN.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString translation = xml.readElementText();
            ++messages;
            QVERIFY2(!unfinished && !translation.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + source));
            QVERIFY2(placeholders(translation) == placeholders(source),
                     qPrintable(QStringLiteral("placeholders differ: ") + source + QStringLiteral(" -> ") + translation));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 100);
}

QTEST_APPLESS_MAIN(TestTranslations)
#include "tst_translations.moc"
