# CityTwin: the two Quick-start commands.
#   make run    install what is missing, build, open the desktop application on the sample
#   make test   install what is missing, build, run the whole test suite through CTest
PRESET   ?= dev
BUILD    := build/$(PRESET)
CITYTWIN := $(BUILD)/app/citytwin
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

# The sample district is generated once into the user's data folder (citytwin sample --ensure prints its path).
run: build
	@sample=$$($(CITYTWIN) sample --ensure) || exit 1; \
	if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(CITYTWIN) "$$sample"; \
	else \
		echo "citytwin: no display found; rendering the sample's overview to a PNG under Xvfb instead"; \
		xvfb-run -a -s "-screen 0 1920x1080x24" $(CITYTWIN) render "$$sample" --bookmark overview \
			--out $(abspath $(SHOT)) --size 1920x1080; \
	fi

test: build
	xvfb-run -a -s "-screen 0 1280x1024x24" ctest --preset $(PRESET) --output-on-failure

clean:
	rm -rf build
