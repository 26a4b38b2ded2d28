#pragma once

#include <QThreadPool>

#include <memory>
#include <tuple>
#include <utility>

namespace citytwin::app
{

/// Hands objects to a worker thread to be destroyed there: freeing a million-row layer or the rows of a large
/// import (many pages returned to the system) takes tens of milliseconds the GUI thread must not spend.
/// Only for objects whose destruction is thread-safe (shared data, std containers, shared_ptr), never QObjects.
template <typename... T> void releaseInBackground(T&&... objects)
{
    auto box = std::make_shared<std::tuple<std::decay_t<T>...>>(std::forward<T>(objects)...);
    QThreadPool::globalInstance()->start([box]() mutable { box.reset(); });
}

} // namespace citytwin::app
