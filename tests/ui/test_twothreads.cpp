// Two pieces of a frame's work at once (ui/common/twothreads.h): both run, one of them on another
// thread, and an exception from either reaches the caller only after both have stopped.

#include "ui/common/twothreads.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace ui;

class TestTwoThreads : public QObject {
    Q_OBJECT
private slots:
    void bothRunOneOfThemElsewhere()
    {
        std::thread::id here, there;
        runTogether([&] { here = std::this_thread::get_id(); },
                    [&] { there = std::this_thread::get_id(); });
        QCOMPARE(here, std::this_thread::get_id());
        QVERIFY(there != std::thread::id());
        QVERIFY(there != here);
    }

    void theyOverlap()
    {
        // Each waits for the other to start: done one after the other, this would never end.
        std::atomic<int> started{0};
        const auto meet = [&] {
            ++started;
            const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (started.load() < 2 && std::chrono::steady_clock::now() < giveUp)
                std::this_thread::yield();
        };
        runTogether(meet, meet);
        QCOMPARE(started.load(), 2);
    }

    void aFailureThereReachesTheCaller()
    {
        bool hereRan = false;
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            runTogether([&] { hereRan = true; }, [] { throw std::runtime_error("there"); }));
        QVERIFY(hereRan);
    }

    void aFailureHereWaitsForThereToFinish()
    {
        std::atomic<bool> thereFinished{false};
        const auto fail = [] { throw std::runtime_error("here"); };
        const auto finishLate = [&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            thereFinished = true;
        };
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, runTogether(fail, finishLate));
        QVERIFY(thereFinished.load());
    }
};

QTEST_APPLESS_MAIN(TestTwoThreads)
#include "test_twothreads.moc"
