# CityTwin: the two Quick-start commands.
#   make run    install what is missing, build, open the desktop application on the sample
#   make test   install what is missing, build, run the whole test suite through CTest
PRESET   ?= dev
BUILD    := build/$(PRESET)
CITYTWIN := $(BUILD)/app/citytwin
SAMPLE   := resources/demo/demo-buildings.geojson resources/demo/demo-roads.geojson resources/demo/demo-stations.geojson
SHOT     := $(BUILD)/citytwin-default-view.png

.PHONY: all deps configure build run test clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt CMakePresets.json | deps
	cmake --preset $(PRESET)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build --preset $(PRESET)

run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(CITYTWIN) $(SAMPLE); \
	else \
		echo "citytwin: no display found; rendering the default view to a PNG under Xvfb instead"; \
		xvfb-run -a -s "-screen 0 1920x1080x24" $(CITYTWIN) render $(SAMPLE) --out $(abspath $(SHOT)) --size 1920x1080; \
	fi

test: build
	xvfb-run -a -s "-screen 0 1280x1024x24" ctest --preset $(PRESET) --output-on-failure

clean:
	rm -rf build
