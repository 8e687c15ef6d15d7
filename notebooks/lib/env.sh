# Sourced by notebooks/setup, notebooks/run and notebooks/jupyter: where things are, and the Jupyter environment.
# Every piece of Jupyter state (kernelspecs, runtime files, config, data) lives under $NB_BUILD, never in $HOME.
# SPEEDSIM_NOTEBOOKS_BUILD moves that directory (default notebooks/target).

NB_DIR=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname -- "$NB_DIR")
NB_BUILD=${SPEEDSIM_NOTEBOOKS_BUILD:-$NB_DIR/target}
KERNEL_NAME=speedsim
KERNEL_DIR=$NB_BUILD/jupyter/kernels/$KERNEL_NAME
# The Python notebooks' kernel: Debian's ipykernel run by $PYTHON (kernelspec written by notebooks/setup).
PYTHON_KERNEL_NAME=speedsim-python
PYTHON_KERNEL_DIR=$NB_BUILD/jupyter/kernels/$PYTHON_KERNEL_NAME
PROJECT_JAR=$ROOT/cli/target/speedsim.jar
# Debian's Jupyter, whatever python3 comes first on the PATH (a pyenv or venv python has no nbconvert).
JUPYTER=${SPEEDSIM_JUPYTER:-/usr/bin/jupyter}
PYTHON=${SPEEDSIM_PYTHON:-/usr/bin/python3}

export JUPYTER_PATH="$NB_BUILD/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_DATA_DIR=$NB_BUILD/jupyter-data
export JUPYTER_CONFIG_DIR=$NB_BUILD/jupyter-config
export JUPYTER_RUNTIME_DIR=$NB_BUILD/jupyter-runtime
export IPYTHONDIR=$NB_BUILD/ipython
export JUPYTER_PLATFORM_DIRS=0
export PYDEVD_DISABLE_FILE_VALIDATION=1

nb_say() { echo "notebooks: $*" >&2; }
nb_die() { echo "notebooks: $*" >&2; exit "${NB_EXIT:-1}"; }
