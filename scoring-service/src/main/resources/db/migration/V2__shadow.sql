-- one challenger in shadow at a time, besides the champion (ModelStatus.SHADOW)
create unique index model_version_one_shadow on model_version ((true)) where status = 'SHADOW';
