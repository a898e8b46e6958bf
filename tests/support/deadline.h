// For calls that would block for ever if a refusal regressed (reading /dev/zero, opening a pipe
// that has no writer): they run on a thread of their own, and the test program stops with a message
// naming the call after a deadline, instead of waiting for Qt Test's five-minute watchdog.
#pragma once

#include <QtGlobal>

#include <chrono>
#include <future>
#include <thread>
#include <utility>

namespace gradlab::testing {

template <class F>
auto returnsWithin(std::chrono::seconds limit, const char* what, F&& call) -> decltype(call())
{
    std::packaged_task<decltype(call())()> task(std::forward<F>(call));
    auto result = task.get_future();
    std::thread thread(std::move(task));
    if (result.wait_for(limit) != std::future_status::ready) {
        // A blocked thread cannot be joined or cancelled: abort the whole program, with the reason.
        qFatal("%s did not return within %lld s", what, static_cast<long long>(limit.count()));
    }
    thread.join();
    return result.get();
}

} // namespace gradlab::testing
