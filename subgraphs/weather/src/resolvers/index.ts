import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { CurrentWeather } from './CurrentWeather';
import { DailyForecast } from './DailyForecast';
import { DeleteSavedLocationPayload } from './DeleteSavedLocationPayload';
import { ForecastDay } from './ForecastDay';
import { ForecastHour } from './ForecastHour';
import { HourlyForecast } from './HourlyForecast';
import { deleteSavedLocation } from './Mutation/deleteSavedLocation';
import { saveWeatherLocation } from './Mutation/saveWeatherLocation';
import { updateSavedLocation } from './Mutation/updateSavedLocation';
import { savedLocation } from './Query/savedLocation';
import { weather } from './Query/weather';
import { weatherPlaces } from './Query/weatherPlaces';
import { SavedLocation } from './SavedLocation';
import { weatherWarnings } from './Subscription/weatherWarnings';
import { User } from './User';
import { Weather } from './Weather';
import { WeatherLocation } from './WeatherLocation';
import { WeatherWarning } from './WeatherWarning';
import { WeatherWarningsUpdate } from './WeatherWarningsUpdate';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { weather, weatherPlaces, savedLocation },
  Mutation: { saveWeatherLocation, updateSavedLocation, deleteSavedLocation },
  Subscription: { weatherWarnings },
  Weather,
  WeatherLocation,
  CurrentWeather,
  HourlyForecast,
  ForecastHour,
  DailyForecast,
  ForecastDay,
  SavedLocation,
  WeatherWarning,
  WeatherWarningsUpdate,
  DeleteSavedLocationPayload,
  User,
};
