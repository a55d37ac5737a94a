from argmap.cli import run

run()
