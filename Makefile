# Shortcuts for those who type make: each target runs the same command of course.py,
# which works without make too (Windows included). See README.md.
PYTHON ?= python3

.PHONY: lab test notebooks html bench latest student browser

lab test notebooks html bench latest student browser:
	$(PYTHON) course.py $@
