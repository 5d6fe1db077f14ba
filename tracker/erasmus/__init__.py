"""Reference data of the Erasmus+ programme: actions, activity types, countries, unit costs."""
