import type { UserReference } from '@mosaic/kit';
import type { SavedLocationRow } from './data/tables';
import type { Cached } from './domain/forecast/weather-cache';
import type { CurrentReport, Day, DailyReport, Hour, HourlyReport, Place, SourceInfo } from './domain/model';
import type { WeatherUnits } from './domain/units';
import type { Thresholds, Warning } from './domain/warnings/evaluate-warnings';
import type { WarningsEvent } from './domain/warnings/warning-events';
import type { LocationView, WeatherView } from './domain/weather';

export type UserMapper = UserReference;
export type WeatherMapper = WeatherView;
export type WeatherLocationMapper = LocationView;
export type WeatherSourceMapper = SourceInfo;
export type CurrentWeatherMapper = { cached: Cached<CurrentReport>; units: WeatherUnits };
export type HourlyForecastMapper = { cached: Cached<HourlyReport>; units: WeatherUnits; hours: Hour[] };
export type ForecastHourMapper = { hour: Hour; units: WeatherUnits };
export type DailyForecastMapper = { cached: Cached<DailyReport>; units: WeatherUnits; days: Day[] };
export type ForecastDayMapper = { day: Day; units: WeatherUnits };
export type WeatherPlaceMapper = Place;
export type SavedLocationMapper = SavedLocationRow;
export type WarningThresholdsMapper = Thresholds;
export type WeatherWarningMapper = Warning;
export type WeatherWarningsUpdateMapper = WarningsEvent;
/** The raw id of the deleted location. */
export type DeleteSavedLocationPayloadMapper = { deletedId: string };
