"""Write the small NumPy files that the dataset reader tests read.

Run from this folder with python3 and NumPy 1.17 or newer:

    python3 make_fixtures.py

Every value is a simple function of its index, so the tests can compute the expected values.
"""
import io
import os
import zipfile

import numpy as np

ROWS = 12
BANDS = 5
SIDE = 8


def valid_arrays():
    """Return the four arrays of the main fixture: 12 rows, 5 bands, 8x8 pixels."""
    images = (np.arange(ROWS * BANDS * SIDE * SIDE, dtype='<f4') * 0.25).reshape(
        ROWS, BANDS, SIDE, SIDE)
    magnitudes = (20 + np.arange(ROWS * BANDS, dtype='<f4') * 0.5).reshape(ROWS, BANDS)
    redshifts = np.arange(ROWS, dtype='<f4') * 0.125
    object_ids = 1000 + np.arange(ROWS, dtype='<i8')
    return dict(images=images, magnitudes=magnitudes, redshifts=redshifts,
                object_ids=object_ids)


def npy_bytes(array, version=None):
    """Return the bytes of a .npy file, in the given format version."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, version=version, allow_pickle=True)
    return buffer.getvalue()


def write_stored_zip(path, members):
    """Write a ZIP of stored members with plain (not ZIP64) local headers."""
    with zipfile.ZipFile(path, 'w', compression=zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)


def main():
    arrays = valid_arrays()
    np.savez('valid.npz', **arrays)
    np.savez_compressed('compressed.npz', **arrays)

    # Big-endian doubles and integers.
    np.savez('bigendian.npz',
             images=arrays['images'][:2, :3, :2, :2].astype('>f8'),
             magnitudes=arrays['magnitudes'][:2, :3].astype('>f8'),
             redshifts=arrays['redshifts'][:2].astype('>f8'),
             object_ids=arrays['object_ids'][:2].astype('>i8'))

    # Half precision, including a subnormal, a negative number and infinity.
    half_images = np.array([0.5, -2.0, 6.1e-5, 65504.0, 1e-7, -0.0, np.inf, 3.140625],
                           dtype='<f2').reshape(2, 1, 2, 2)
    np.savez('float16.npz', images=half_images,
             magnitudes=np.array([[21.5], [-0.25]], dtype='<f2'),
             redshifts=np.array([0.1, 2.5], dtype='<f2'))

    # One .npy file per array.
    os.makedirs('folder', exist_ok=True)
    for name, array in arrays.items():
        np.save(os.path.join('folder', name + '.npy'), array[:3, :2, :2, :2]
                if name == 'images' else array[:3, :2] if name == 'magnitudes' else array[:3])

    # Format versions 2.0 (4-byte header length) and 3.0 (UTF-8 header).
    os.makedirs('versions', exist_ok=True)
    with open(os.path.join('versions', 'images.npy'), 'wb') as out:
        out.write(npy_bytes(arrays['images'][:2], version=(2, 0)))
    with open(os.path.join('versions', 'magnitudes.npy'), 'wb') as out:
        out.write(npy_bytes(arrays['magnitudes'][:2], version=(3, 0)))
    write_stored_zip('versions.npz', {
        'images.npy': npy_bytes(arrays['images'][:2], version=(3, 0)),
        'magnitudes.npy': npy_bytes(arrays['magnitudes'][:2], version=(2, 0)),
    })

    # Arrays under other names, plus one that the dataset does not use.
    np.savez('renamed.npz', x=arrays['images'][:2], mags=arrays['magnitudes'][:2],
             extra=np.zeros(7))

    # Truncated copies: the tail cut off, and a middle part cut out (directory kept).
    valid = open('valid.npz', 'rb').read()
    with open('truncated.npz', 'wb') as out:
        out.write(valid[:len(valid) // 2])
    directory_offset = valid.rfind(b'PK\x01\x02', 0, len(valid))
    first_entry = valid.find(b'PK\x01\x02')
    with open('truncated_middle.npz', 'wb') as out:
        out.write(valid[:first_entry - 4096] + valid[first_entry:])
    assert directory_offset > first_entry
    with open(os.path.join('folder', 'truncated.npy'), 'wb') as out:
        data = open(os.path.join('folder', 'images.npy'), 'rb').read()
        out.write(data[:len(data) - 8])

    # Layouts and types that the reader must reject.
    np.savez('fortran.npz', images=np.asfortranarray(arrays['images']),
             magnitudes=arrays['magnitudes'])
    np.savez('object.npz', images=arrays['images'], magnitudes=arrays['magnitudes'],
             object_ids=np.array(['a%d' % i for i in range(ROWS)], dtype=object))
    np.savez('mismatched.npz', images=arrays['images'], magnitudes=arrays['magnitudes'][:11],
             redshifts=arrays['redshifts'][:10])
    np.savez('zero_rows.npz', images=np.zeros((0, BANDS, SIDE, SIDE), dtype='<f4'),
             magnitudes=np.zeros((0, BANDS), dtype='<f4'))
    with open('text.npz', 'w') as out:
        out.write('images,magnitudes\n1.0,2.0\n')

    # A header that claims 10^12 rows over a few bytes of data.
    header = {'descr': '<f4', 'fortran_order': False, 'shape': (10 ** 12, BANDS, SIDE, SIDE)}
    huge = io.BytesIO()
    np.lib.format.write_array_header_1_0(huge, header)
    huge.write(b'\0' * 64)
    write_stored_zip('huge_rows.npz', {
        'images.npy': huge.getvalue(),
        'magnitudes.npy': npy_bytes(arrays['magnitudes']),
    })


if __name__ == '__main__':
    main()
