"""Packaging for laion-explorer; every value comes from settings.ini (nbdev 2 layout)."""
from configparser import ConfigParser
import re, setuptools, shlex

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, "missing expected setting: {}".format(o)
setup_cfg = {o: cfg[o] for o in cfg_keys}

licenses = {
    'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License'),
    'mit': ('MIT License', 'OSI Approved :: MIT License'),
    'gpl2': ('GNU General Public License v2', 'OSI Approved :: GNU General Public License v2 (GPLv2)'),
    'gpl3': ('GNU General Public License v3', 'OSI Approved :: GNU General Public License v3 (GPLv3)'),
    'bsd3': ('BSD License', 'OSI Approved :: BSD License'),
}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
py_versions = '3.10 3.11 3.12 3.13'.split()

requirements = shlex.split(cfg.get('requirements', ''))
if cfg.get('pip_requirements'): requirements += shlex.split(cfg.get('pip_requirements', ''))
min_python = cfg['min_python']
lic = licenses.get(cfg['license'].lower(), (cfg['license'], None))
def _reqs(key): return shlex.split(cfg.get(key, ''))
# extras: the heavy stacks are optional, so `pip install laion-explorer` (TF-IDF maps, widget, render, export) stays light
extras = {'specter2': _reqs('specter2_requirements'),   # SPECTER2 embeddings (torch, transformers, adapters)
          'serve': _reqs('serve_requirements')}         # `laion-explorer serve` (FastAPI, uvicorn)
extras['all'] = extras['specter2'] + extras['serve'] + _reqs('all_requirements')   # everything a user runs, + JupyterLab
extras['dev'] = extras['all'] + _reqs('dev_requirements')                          # + the tools to develop and test

package_data = dict()
pkg_data = cfg.get('package_data', None)
if pkg_data:
    package_data[cfg['lib_name']] = pkg_data.split()

# PyPI shows the README without the repository around it: point its relative links (images, notebooks)
# at the repository on GitHub, the way they resolve there
raw = cfg['git_url'].replace('https://github.com/', 'https://raw.githubusercontent.com/') + '/' + cfg['branch'] + '/'
blob = cfg['git_url'] + '/blob/' + cfg['branch'] + '/'
long_description = open('README.md', encoding='utf-8').read()
long_description = re.sub(r'(!\[[^\]]*\]\()(?!https?:|#)([^)\s]+)\)', lambda m: m.group(1) + raw + m.group(2) + ')', long_description)
long_description = re.sub(r'(?<!!)(\[[^\]]*\]\()(?!https?:|#|mailto:)([^)\s]+)\)', lambda m: m.group(1) + blob + m.group(2) + ')', long_description)

setuptools.setup(
    name=cfg['repo'],
    license=lic[0],
    classifiers=[
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'Natural Language :: ' + cfg['language'].title(),
        'Topic :: Scientific/Engineering :: Information Analysis',
        'Framework :: Jupyter',
    ] + ['Programming Language :: Python :: ' + o for o in py_versions[py_versions.index(min_python):]]
      + (['License :: ' + lic[1]] if lic[1] else []),
    url=cfg['git_url'],
    project_urls={'Documentation': cfg['doc_host'] + cfg['doc_baseurl'], 'Source': cfg['git_url'],
                  'Issues': cfg['git_url'] + '/issues'},
    packages=setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name'] + '.*']),
    include_package_data=True,
    # the shipped sample, for `laion-explorer regenerate --input sample` from an installed wheel
    data_files=[('share/laion-explorer/data', ['data/sample.parquet', 'data/laion-pubmed-16.parquet', 'data/README.md'])],
    package_data=package_data,
    install_requires=requirements,
    extras_require=extras,
    dependency_links=cfg.get('dep_links', '').split(),
    python_requires='>=' + cfg['min_python'],
    long_description=long_description,
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={
        'console_scripts': cfg.get('console_scripts', '').split(),
        'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d']
    },
    **setup_cfg)
