"""The four Erasmus+ priorities every record can be tagged with."""
