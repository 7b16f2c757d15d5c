"""The datasets embedded in the library (src/Descent/Data/Embedded), read as the reference scripts need them."""
import os

import numpy as np

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "Descent", "Data", "Embedded")


def load(file_name):
    """Features, target (the last column) and feature names of an embedded CSV file."""
    path = os.path.join(FOLDER, file_name)
    with open(path) as f:
        header = f.readline().strip().split(",")
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1], header[:-1]
