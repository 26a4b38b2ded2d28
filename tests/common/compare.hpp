#pragma once

#include <QTest>

/// Compares two numbers within eps and prints both on failure.
#define CITYTWIN_COMPARE_NEAR(actual, expected, eps)                                                                   \
    do                                                                                                                 \
    {                                                                                                                  \
        const double citytwinActual = (actual);                                                                        \
        const double citytwinExpected = (expected);                                                                    \
        if (!(std::abs(citytwinActual - citytwinExpected) <= (eps)))                                                   \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 within %4")                                          \
                                 .arg(QStringLiteral(#actual))                                                         \
                                 .arg(citytwinActual, 0, 'f', 6)                                                       \
                                 .arg(citytwinExpected, 0, 'f', 6)                                                     \
                                 .arg(static_cast<double>(eps))));                                                     \
    } while (false)
