#pragma once

#include <QApplication>
#include <QSurfaceFormat>
#include <QTest>

/// main() for test suites that show windows with an OpenGL view: the surface format the application
/// asks for (compatibility profile, depth buffer) must be set before QApplication exists.
#define CITYTWIN_GL_TEST_MAIN(TestClass)                                                                               \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        QSurfaceFormat format;                                                                                         \
        format.setProfile(QSurfaceFormat::CompatibilityProfile);                                                       \
        format.setDepthBufferSize(24);                                                                                 \
        QSurfaceFormat::setDefaultFormat(format);                                                                      \
        QApplication application(argc, argv);                                                                          \
        TestClass test;                                                                                                \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
