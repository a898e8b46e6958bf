// The CUDA backend against the CPU: one row per check of cuda_checks.h, run on cuda:0. Without a
// usable CUDA device every row is skipped with the reason the engine gives, so that the suite stays
// green on machines without a GPU; cuda_check runs the same checks where Qt is not installed.
#include "cuda_checks.h"

#include <QtTest>

#include <exception>
#include <string>
#include <vector>

using namespace gradlab;

class TestCuda : public QObject {
    Q_OBJECT

private slots:
    void deviceMatchesCpu_data();
    void deviceMatchesCpu();

private:
    const std::vector<cudacheck::Check> checks_ = cudacheck::checks();
};

void TestCuda::deviceMatchesCpu_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < checks_.size(); ++i)
        QTest::newRow(checks_[i].name.c_str()) << static_cast<int>(i);
}

void TestCuda::deviceMatchesCpu()
{
    const std::string reason = cudacheck::skipReason();
    if (!reason.empty())
        QSKIP(reason.c_str());
    QFETCH(int, index);
    const cudacheck::Check& check = checks_.at(static_cast<std::size_t>(index));
    bool ok = true;
    std::string message;
    try {
        check.run(Device::cuda(0));
    } catch (const cudacheck::Skipped& e) {
        QSKIP(e.what());
    } catch (const std::exception& e) {
        ok = false;
        message = e.what();
    }
    QVERIFY2(ok, message.c_str());
}

QTEST_APPLESS_MAIN(TestCuda)
#include "tst_cuda.moc"
