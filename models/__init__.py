"""cunwu core: entities, storage, rules, services, printing and the CLI. Never imports Qt."""

__version__ = "0.1.0"
